import { describe, expect, it } from "vitest";
import {
  checkedPassword,
  createCustomer,
  latestEmailTo,
  notMeLinkIn,
  resetLinkIn,
  TEST_PASSWORD,
  uniqueOrigin,
} from "@/test/support";
import { authenticateCustomer } from "../auth/customer-accounts";
import { getDb } from "../db";
import { checkAccountAlert } from "../recovery/account-alerts";
import { reportNotMe } from "../recovery/report-not-me";
import { checkResetLink } from "../recovery/reset-token-checks";
import { requestPasswordReset } from "../recovery/request-password-reset";
import { startSession } from "../auth/sessions";
import { changePassword } from "./change-credentials";

const NEW_PASSWORD = "a fresh account passphrase";

async function signsIn(email: string, password: string) {
  return (await authenticateCustomer({ email, password }, uniqueOrigin())).status === "authenticated";
}

async function liveResetLink(email: string) {
  await requestPasswordReset({ email }, uniqueOrigin());
  const link = new URL(resetLinkIn((await latestEmailTo(email))?.text ?? ""));
  return { token: link.searchParams.get("token"), email: link.searchParams.get("email") };
}

async function changePasswordNow(
  customerId: string,
  currentPassword: string,
  newPassword: string,
  signOutOtherSessions = true,
  currentSessionId?: string,
) {
  return changePassword(
    { customerId, currentPassword, newPassword: checkedPassword(newPassword), signOutOtherSessions, currentSessionId },
    uniqueOrigin(),
  );
}

async function sessionIds(customerId: string) {
  return (await getDb().session.findMany({ where: { customerId }, select: { id: true } })).map(({ id }) => id).sort();
}

async function reportNotMeNow(token: string | null) {
  return reportNotMe(token, uniqueOrigin());
}

describe("changing the password on the account page", () => {
  it("needs the current password", async () => {
    const customer = await createCustomer();
    expect(await changePasswordNow(customer.id, "not my password", NEW_PASSWORD)).toEqual({ status: "wrong-password" });
    expect(await signsIn(customer.email, TEST_PASSWORD)).toBe(true);
  });

  it("applies the same policy as registration and reset, including not reusing the current password", async () => {
    const customer = await createCustomer();
    expect(await changePasswordNow(customer.id, TEST_PASSWORD, "qwertyuiop")).toMatchObject({ status: "password-rejected" });
    expect(await changePasswordNow(customer.id, TEST_PASSWORD, TEST_PASSWORD)).toMatchObject({
      status: "password-rejected",
      problem: "passwordIsCurrent",
    });
  });

  it("replaces the password, kills outstanding reset links, and tells the customer", async () => {
    const customer = await createCustomer();
    const link = await liveResetLink(customer.email);

    expect(await changePasswordNow(customer.id, TEST_PASSWORD, NEW_PASSWORD)).toEqual({ status: "changed", email: customer.email });
    expect(await signsIn(customer.email, NEW_PASSWORD)).toBe(true);
    expect(await signsIn(customer.email, TEST_PASSWORD)).toBe(false);
    expect(await checkResetLink(link)).toEqual({ status: "superseded" });
    const notice = await latestEmailTo(customer.email);
    expect(notice?.subject).toBe("Your Juniper Goods password was changed");
    expect(new URL(notMeLinkIn(notice?.text ?? "")).pathname).toBe("/account/not-me");
  });

  it("signs out other devices only when asked, and keeps the one making the change", async () => {
    const asked = await createCustomer();
    const here = await startSession(asked.id, uniqueOrigin());
    await startSession(asked.id, uniqueOrigin());
    await changePasswordNow(asked.id, TEST_PASSWORD, NEW_PASSWORD, true, here);
    expect(await sessionIds(asked.id)).toEqual([here]);

    const notAsked = await createCustomer();
    const kept = [await startSession(notAsked.id, uniqueOrigin()), await startSession(notAsked.id, uniqueOrigin())].sort();
    await changePasswordNow(notAsked.id, TEST_PASSWORD, NEW_PASSWORD, false, kept[0]);
    expect(await sessionIds(notAsked.id)).toEqual(kept);
  });
});

describe("'This wasn't me'", () => {
  it("after a password change: locks the password, ends every session, kills links, and sends a fresh reset", async () => {
    const customer = await createCustomer();
    await changePasswordNow(customer.id, TEST_PASSWORD, NEW_PASSWORD, false);
    const notMe = new URL(notMeLinkIn((await latestEmailTo(customer.email))?.text ?? ""));
    const token = notMe.searchParams.get("token");
    await startSession(customer.id, uniqueOrigin());

    expect(await checkAccountAlert(token)).toEqual({ status: "valid", change: "password-changed" });
    expect(await reportNotMeNow(token)).toEqual({ status: "secured", email: customer.email });

    // Neither the password the intruder set nor the old one opens the account any more.
    expect(await signsIn(customer.email, NEW_PASSWORD)).toBe(false);
    expect(await signsIn(customer.email, TEST_PASSWORD)).toBe(false);
    expect(await sessionIds(customer.id)).toEqual([]);
    const reset = await latestEmailTo(customer.email);
    expect(reset?.subject).toBe("Reset your Juniper Goods password");
    const events = await getDb().securityEvent.findMany({ where: { customerId: customer.id } });
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(["not_me_reported", "sessions_revoked"]));
  });

  it("works once", async () => {
    const customer = await createCustomer();
    await changePasswordNow(customer.id, TEST_PASSWORD, NEW_PASSWORD);
    const token = new URL(notMeLinkIn((await latestEmailTo(customer.email))?.text ?? "")).searchParams.get("token");
    await reportNotMeNow(token);
    expect(await reportNotMeNow(token)).toEqual({ status: "used" });
    expect(await checkAccountAlert(token)).toEqual({ status: "used" });
  });

  it("refuses links that aren't real", async () => {
    expect(await reportNotMeNow("A".repeat(43))).toEqual({ status: "invalid" });
    expect(await reportNotMeNow(null)).toEqual({ status: "invalid" });
    expect(await checkAccountAlert("short")).toEqual({ status: "invalid" });
  });
});
