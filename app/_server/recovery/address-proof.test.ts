import { describe, expect, it } from "vitest";
import {
  checkedPassword,
  createCustomer,
  deliverQueuedEmails,
  emailChangeLinkIn,
  latestEmailTo,
  notMeLinkIn,
  signUpLinkIn,
  TEST_PASSWORD,
  uniqueEmail,
  uniqueOrigin,
  verificationCodeIn,
} from "@/test/support";
import { authenticateCustomer } from "../auth/customer-accounts";
import { LOCKED_PASSWORD_HASH } from "../auth/password-hash";
import { getDb } from "../db";
import { reportNotMe } from "../recovery/report-not-me";
import { checkVerificationLink, issueVerificationGrant } from "./email-verification";
import {
  cancelEmailChange,
  confirmEmailChangeByCode,
  confirmEmailChangeByGrant,
  maskEmail,
  pendingEmailChange,
  requestEmailChange,
} from "../account/email-change";
import { checkSignUpGrant, completeSignUp, redeemSignUpCode, requestSignUp } from "./sign-up";

const NEW_PASSWORD = "a brand new passphrase";

async function signsIn(email: string, password: string) {
  return (await authenticateCustomer({ email, password }, uniqueOrigin())).status === "authenticated";
}

function linkParts(link: string) {
  const url = new URL(link);
  return { token: url.searchParams.get("token"), email: url.searchParams.get("email") };
}

/** What the link's landing route does: check it, then hand the browser a grant. */
async function grantFromLink(purpose: "sign-up" | "email-change", link: string) {
  const check = await checkVerificationLink(purpose, linkParts(link));
  if (check.status !== "valid") throw new Error(`link not valid: ${check.status}`);
  return issueVerificationGrant(check.verification).grant;
}

async function outboxCount() {
  return getDb().outboxEmail.count();
}

describe("sign-up", () => {
  it("answers every address the same, creates nothing, and mails a new address a link and a code", async () => {
    const email = uniqueEmail("newcomer");
    expect(await requestSignUp({ email }, uniqueOrigin())).toEqual({ status: "accepted" });
    expect(await getDb().customer.findUnique({ where: { email } })).toBeNull();
    const mail = await latestEmailTo(email);
    expect(mail?.subject).toBe("Finish creating your Juniper Goods account");
    expect(new URL(signUpLinkIn(mail?.text ?? "")).pathname).toBe("/register/open");
    expect(verificationCodeIn(mail?.text ?? "")).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    // Still nothing: the account exists only once the proof is used.
    expect(await getDb().customer.findUnique({ where: { email } })).toBeNull();
  });

  it("finishes by link: a verified account, signed in with the chosen password; the link then works no more", async () => {
    const email = uniqueEmail("by-link");
    await requestSignUp({ email }, uniqueOrigin());
    const link = signUpLinkIn((await latestEmailTo(email))?.text ?? "");
    const grant = await grantFromLink("sign-up", link);
    expect(await checkSignUpGrant(grant)).toEqual({ status: "valid", email });

    const done = await completeSignUp(grant, { name: "Sam Newcomer", password: checkedPassword(NEW_PASSWORD) }, uniqueOrigin());
    expect(done).toEqual({ status: "created", email });
    const customer = await getDb().customer.findUniqueOrThrow({ where: { email } });
    expect(customer.name).toBe("Sam Newcomer");
    expect(customer.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await signsIn(email, NEW_PASSWORD)).toBe(true);
    expect(await checkVerificationLink("sign-up", linkParts(link))).toEqual({ status: "used" });
    expect(await completeSignUp(grant, { name: "Again", password: checkedPassword(NEW_PASSWORD) }, uniqueOrigin())).toEqual({ status: "used" });
  });

  it("finishes by code, which allows five entries", async () => {
    const email = uniqueEmail("by-code");
    await requestSignUp({ email }, uniqueOrigin());
    const code = verificationCodeIn((await latestEmailTo(email))?.text ?? "").replace("-", "");
    const origin = uniqueOrigin();
    expect(await redeemSignUpCode({ email, code: "22222222" }, origin)).toEqual({ status: "wrong-code" });
    const right = await redeemSignUpCode({ email, code }, origin);
    if (right.status !== "valid") throw new Error(right.status);
    const done = await completeSignUp(issueVerificationGrant(right.verification).grant, { name: "Code", password: checkedPassword(NEW_PASSWORD) }, origin);
    expect(done).toEqual({ status: "created", email });

    const other = uniqueEmail("guessed");
    await requestSignUp({ email: other }, uniqueOrigin());
    const otherCode = verificationCodeIn((await latestEmailTo(other))?.text ?? "").replace("-", "");
    for (let i = 0; i < 5; i++) await redeemSignUpCode({ email: other, code: "22222222" }, uniqueOrigin());
    expect(await redeemSignUpCode({ email: other, code: otherCode }, uniqueOrigin())).toEqual({ status: "wrong-code" });
  });

  it("mails a taken address's owner instead, and changes nothing about their account", async () => {
    const owner = await createCustomer();
    const before = await getDb().customer.findUniqueOrThrow({ where: { id: owner.id } });
    expect(await requestSignUp({ email: owner.email }, uniqueOrigin())).toEqual({ status: "accepted" });
    const mail = await latestEmailTo(owner.email);
    expect(mail?.subject).toBe("You already have a Juniper Goods account");
    expect(mail?.text).toContain("/login");
    expect(mail?.text).toContain("/forgot-password");
    expect(mail?.text).not.toMatch(/register\/open/);
    expect(await getDb().emailVerification.count({ where: { email: owner.email } })).toBe(0);
    expect(await getDb().customer.findUniqueOrThrow({ where: { id: owner.id } })).toEqual(before);
    expect(await signsIn(owner.email, TEST_PASSWORD)).toBe(true);
  });

  it("counts new and taken addresses under the same limits, and over them mails nobody", async () => {
    const owner = await createCustomer();
    const fresh = uniqueEmail("limited");
    const origin = uniqueOrigin();
    for (const email of [owner.email, fresh]) {
      for (let i = 0; i < 3; i++) await requestSignUp({ email }, origin);
      await deliverQueuedEmails();
      const sent = await outboxCount();
      expect(await requestSignUp({ email }, origin)).toEqual({ status: "accepted" });
      await deliverQueuedEmails();
      expect(await outboxCount()).toBe(sent);
    }
  });

  it("refuses a grant that was tampered with or names nothing", async () => {
    expect(await checkSignUpGrant(undefined)).toEqual({ status: "missing" });
    expect(await checkSignUpGrant("v1.e30.AAAA")).toEqual({ status: "invalid" });
  });
});

async function askToChange(customerId: string, newEmail: string, currentPassword = TEST_PASSWORD) {
  return requestEmailChange({ customerId, currentPassword, newEmail, locale: "en" }, uniqueOrigin());
}

describe("changing the email address", () => {
  it("needs the current password and a different address", async () => {
    const customer = await createCustomer();
    expect(await askToChange(customer.id, uniqueEmail(), "not my password")).toEqual({ status: "wrong-password" });
    expect(await askToChange(customer.id, customer.email)).toEqual({ status: "unchanged" });
  });

  it("changes nothing until the new address confirms; the old address hears at once, masked", async () => {
    const customer = await createCustomer();
    const newEmail = uniqueEmail("moving");
    expect(await askToChange(customer.id, newEmail)).toEqual({ status: "requested", newEmail });
    expect((await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } })).email).toBe(customer.email);
    expect(await pendingEmailChange(customer.id)).toMatchObject({ email: newEmail });

    const warning = await latestEmailTo(customer.email);
    expect(warning?.subject).toBe("Someone asked to change your Juniper Goods email address");
    expect(warning?.text).toContain(maskEmail(newEmail));
    expect(warning?.text).not.toContain(newEmail);
    expect(new URL(notMeLinkIn(warning?.text ?? "")).pathname).toBe("/account/not-me");
    expect((await latestEmailTo(newEmail))?.subject).toBe("Confirm your new Juniper Goods email address");
  });

  it("completes by link (no sign-in needed): address moved and verified, old links and other changes dead, old address told", async () => {
    const customer = await createCustomer();
    const newEmail = uniqueEmail("by-link");
    await askToChange(customer.id, newEmail);
    const grant = await grantFromLink("email-change", emailChangeLinkIn((await latestEmailTo(newEmail))?.text ?? ""));

    expect(await confirmEmailChangeByGrant(grant, uniqueOrigin())).toEqual({ status: "changed", customerId: customer.id, email: newEmail });
    const row = await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(row.email).toBe(newEmail);
    expect(row.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await signsIn(newEmail, TEST_PASSWORD)).toBe(true);
    expect(await pendingEmailChange(customer.id)).toBeNull();
    expect(await confirmEmailChangeByGrant(grant, uniqueOrigin())).toEqual({ status: "used" });
    expect((await latestEmailTo(customer.email))?.subject).toBe("Your Juniper Goods email address was changed");
  });

  it("completes by code on the account page; a newer request replaces the older", async () => {
    const customer = await createCustomer();
    const first = uniqueEmail("first");
    const second = uniqueEmail("second");
    await askToChange(customer.id, first);
    const firstCode = verificationCodeIn((await latestEmailTo(first))?.text ?? "").replace("-", "");
    await askToChange(customer.id, second);
    const secondCode = verificationCodeIn((await latestEmailTo(second))?.text ?? "").replace("-", "");

    expect(await confirmEmailChangeByCode(customer.id, firstCode, uniqueOrigin())).toEqual({ status: "wrong-code" });
    expect(await confirmEmailChangeByCode(customer.id, secondCode, uniqueOrigin())).toEqual({ status: "changed", customerId: customer.id, email: second });
  });

  it("to a taken address: the same answer and the same pending change, the owner gets a notice, nothing changes", async () => {
    const customer = await createCustomer();
    const owner = await createCustomer();
    expect(await askToChange(customer.id, owner.email)).toEqual({ status: "requested", newEmail: owner.email });
    expect(await pendingEmailChange(customer.id)).toMatchObject({ email: owner.email });
    const notice = await latestEmailTo(owner.email);
    expect(notice?.subject).toBe("Your Juniper Goods address is already in use");
    expect(notice?.text).not.toMatch(/account\/email\/open/);
    expect((await latestEmailTo(customer.email))?.subject).toBe("Someone asked to change your Juniper Goods email address");
    // No code exists that could finish it.
    expect(await confirmEmailChangeByCode(customer.id, "22222222", uniqueOrigin())).toEqual({ status: "wrong-code" });
    expect((await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } })).email).toBe(customer.email);
    expect(await signsIn(owner.email, TEST_PASSWORD)).toBe(true);
  });

  it("can be cancelled, which kills its link", async () => {
    const customer = await createCustomer();
    const newEmail = uniqueEmail("cancelled");
    await askToChange(customer.id, newEmail);
    const link = emailChangeLinkIn((await latestEmailTo(newEmail))?.text ?? "");
    expect(await cancelEmailChange(customer.id, uniqueOrigin())).toBe(true);
    expect(await pendingEmailChange(customer.id)).toBeNull();
    expect(await checkVerificationLink("email-change", linkParts(link))).toEqual({ status: "superseded" });
  });

  it("from the old address, 'This wasn't me' cancels the pending change and locks the account", async () => {
    const customer = await createCustomer();
    const newEmail = uniqueEmail("intruder");
    await askToChange(customer.id, newEmail);
    const link = emailChangeLinkIn((await latestEmailTo(newEmail))?.text ?? "");
    const token = new URL(notMeLinkIn((await latestEmailTo(customer.email))?.text ?? "")).searchParams.get("token");
    expect(await reportNotMe(token, uniqueOrigin())).toEqual({ status: "secured", email: customer.email });
    expect(await checkVerificationLink("email-change", linkParts(link))).toEqual({ status: "superseded" });
    expect((await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } })).passwordHash).toBe(LOCKED_PASSWORD_HASH);
  });
});

describe("'This wasn't me' after an email change", () => {
  async function changedByIntruder() {
    const customer = await createCustomer();
    const intruderEmail = uniqueEmail("intruder");
    await askToChange(customer.id, intruderEmail);
    const code = verificationCodeIn((await latestEmailTo(intruderEmail))?.text ?? "").replace("-", "");
    await confirmEmailChangeByCode(customer.id, code, uniqueOrigin());
    const token = new URL(notMeLinkIn((await latestEmailTo(customer.email))?.text ?? "")).searchParams.get("token");
    return { customer, intruderEmail, token };
  }

  it("puts the old address back and sends the fresh reset only there", async () => {
    const { customer, intruderEmail, token } = await changedByIntruder();
    const mailToIntruder = await getDb().devMailboxMessage.count({ where: { to: intruderEmail } });
    expect(await reportNotMe(token, uniqueOrigin())).toEqual({ status: "secured", email: customer.email });
    expect((await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } })).email).toBe(customer.email);
    expect((await latestEmailTo(customer.email))?.subject).toBe("Reset your Juniper Goods password");
    expect(await getDb().devMailboxMessage.count({ where: { to: intruderEmail } })).toBe(mailToIntruder);
  });

  it("takes the old address back from an unverified account that claimed it since", async () => {
    const { customer, intruderEmail, token } = await changedByIntruder();
    // An account from before sign-up proved addresses, holding the owner's old address.
    const squatter = await getDb().customer.create({
      data: { name: "Squatter", email: customer.email, passwordHash: LOCKED_PASSWORD_HASH, emailVerifiedAt: null },
    });
    const mailToIntruder = await getDb().devMailboxMessage.count({ where: { to: intruderEmail } });

    expect(await reportNotMe(token, uniqueOrigin())).toEqual({ status: "secured", email: customer.email });
    expect((await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } })).email).toBe(customer.email);
    expect((await getDb().customer.findUniqueOrThrow({ where: { id: squatter.id } })).email).toMatch(/@address\.invalid$/);
    const reset = await latestEmailTo(customer.email);
    expect(reset?.subject).toBe("Reset your Juniper Goods password");
    expect(reset?.text).toContain(encodeURIComponent(customer.email));
    expect(await getDb().devMailboxMessage.count({ where: { to: intruderEmail } })).toBe(mailToIntruder);
  });

  it("sends no reset at all when a verified account holds the old address", async () => {
    const { customer, intruderEmail, token } = await changedByIntruder();
    await getDb().customer.create({ data: { name: "Holder", email: customer.email, passwordHash: LOCKED_PASSWORD_HASH, emailVerifiedAt: new Date() } });
    const mailToIntruder = await getDb().devMailboxMessage.count({ where: { to: intruderEmail } });
    expect(await reportNotMe(token, uniqueOrigin())).toEqual({ status: "secured", email: null });
    expect((await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } })).passwordHash).toBe(LOCKED_PASSWORD_HASH);
    await deliverQueuedEmails();
    expect(await getDb().devMailboxMessage.count({ where: { to: intruderEmail } })).toBe(mailToIntruder);
  });
});
