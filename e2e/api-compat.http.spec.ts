import { expect, test } from "./fixtures";
import { callApi, linkParts } from "./support/api-client";
import { signsIn } from "./support/form-post";
import { resetCodeIn, resetLinkIn, waitForEmail, waitForEmailWithSubject } from "./support/inbox";
import { STORE_URL } from "./support/servers";

// Storefronts written against Magento 2, Medusa v2 or Commerce Engine, pointed at this store instead: their own
// paths, bodies and answers, over the same recovery core. Each journey reads the real email and ends by signing in.
// Bad input, CORS and switched-off facades are app/_server/api/api-contract.test.ts; equal answers for known and
// unknown addresses, enumeration.http.spec.ts.

/** COMMERCE_ENGINE_PATH_PREFIX of the test store (playwright.config.ts). */
const CE = "/api/v1/juniper-test/storefront";


test.describe("Magento 2 REST", () => {
  test("a Magento storefront resets a password: PUT customers/password, validate the token, resetPassword", async ({ request, shopper }) => {
    const asked = await callApi("/rest/V1/customers/password", { method: "PUT", json: { email: shopper.email, template: "email_reset", websiteId: 1 } });
    expect(asked.status).toBe(200);
    expect(asked.body).toBe(true);

    const { token } = linkParts(resetLinkIn(await waitForEmail(shopper.email)));
    // The emailed link has no customer id: 0 means "find the customer by the token", in any store-code form.
    for (const path of [`/rest/V1/customers/0/password/resetLinkToken/${token}`, `/rest/default/V1/customers/0/password/resetLinkToken/${token}`]) {
      const validated = await callApi(path, { method: "GET" });
      expect(validated.status, path).toBe(200);
      expect(validated.body, path).toBe(true);
    }
    const otherCustomer = await callApi(`/rest/V1/customers/12345/password/resetLinkToken/${token}`, { method: "GET" });
    expect(otherCustomer.status).toBe(400);
    expect(otherCustomer.body).toEqual({ message: "The password token is mismatched. Reset and try again." });

    const reset = await callApi("/rest/all/V1/customers/resetPassword", {
      json: { email: shopper.email, resetToken: token, newPassword: "set through magento" },
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toBe(true);
    await waitForEmailWithSubject(shopper.email, "Your Juniper Goods password was reset");
    expect(await signsIn(request, STORE_URL, shopper.email, "set through magento")).toBe(true);

    const again = await callApi(`/rest/V1/customers/0/password/resetLinkToken/${token}`, { method: "GET" });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ message: "The password token is mismatched. Reset and try again." });
    const replay = await callApi("/rest/V1/customers/resetPassword", { json: { email: "", resetToken: token, newPassword: "set twice through magento" } });
    expect(replay.status).toBe(400);
  });

});

test.describe("Medusa v2 auth", () => {
  test("a Medusa storefront resets a password: reset-password, then update with the token as a bearer", async ({ request, shopper }) => {
    const asked = await callApi("/auth/customer/emailpass/reset-password", { json: { identifier: shopper.email } });
    expect(asked.status).toBe(201);
    expect(asked.text).toBe("");

    const { token } = linkParts(resetLinkIn(await waitForEmail(shopper.email)));
    const updated = await callApi("/auth/customer/emailpass/update", {
      json: { password: "set through medusa" },
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ success: true });
    expect(await signsIn(request, STORE_URL, shopper.email, "set through medusa")).toBe(true);

    const replay = await callApi("/auth/customer/emailpass/update", { json: { password: "set twice through medusa" }, headers: { Authorization: `Bearer ${token}` } });
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual({ type: "unauthorized", message: "Invalid token" });
  });

});

test.describe("Commerce Engine storefront auth", () => {
  test("a Commerce Engine front end resets with otp_token and the emailed code", async ({ request, shopper }) => {
    const asked = await callApi(`${CE}/auth/forgot-password`, { json: { email: shopper.email } });
    expect(asked.status).toBe(200);
    const { otp_token } = (asked.body as { content: { otp_token: string } }).content;
    expect(asked.body).toMatchObject({ success: true, message: expect.any(String), content: { otp_token: expect.any(String) } });
    const otp = resetCodeIn(await waitForEmail(shopper.email));

    const mismatch = await callApi(`${CE}/auth/reset-password`, {
      json: { new_password: "set through commerce engine", confirm_password: "something else", otp_token, otp },
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ success: false, message: expect.stringContaining("don't match") });

    const reset = await callApi(`${CE}/auth/reset-password`, {
      json: { new_password: "set through commerce engine", confirm_password: "set through commerce engine", otp_token, otp },
      headers: { Authorization: "Bearer an-anonymous-token-the-sdk-sends" },
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ message: expect.any(String), success: true, content: {} });
    expect(await signsIn(request, STORE_URL, shopper.email, "set through commerce engine")).toBe(true);

    const replay = await callApi(`${CE}/auth/reset-password`, {
      json: { new_password: "set twice through ce", confirm_password: "set twice through ce", otp_token, otp },
    });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ success: false });

    // The real code with an otp_token issued for another address is just a wrong code.
    const issued = await callApi(`${CE}/auth/forgot-password`, { json: { email: "not-a-shopper@example.com" } });
    const other = (issued.body as { content: { otp_token: string } }).content.otp_token;
    const wrong = await callApi(`${CE}/auth/reset-password`, { json: { new_password: "a fine new passphrase", confirm_password: "a fine new passphrase", otp_token: other, otp } });
    expect(wrong.status).toBe(401);
  });
});
