import pg from "pg";
import { describe, expect, it } from "vitest";
import { isPostgresUrl } from "@/prisma/database-url";
import { UNIT_DATABASE_URL } from "@/test/databases";
import { checkedPassword, createCustomer, latestEmailTo, resetLinkIn, uniqueEmail, uniqueOrigin } from "@/test/support";
import { getDb } from "../db";
import { completePasswordReset } from "./complete-password-reset";
import { requestPasswordReset } from "./request-password-reset";
import { resolveResetProof } from "./reset-proof";
import { issueRequestedResets } from "./reset-requests";

/**
 * Issue 15, finding 8. Under PostgreSQL's READ COMMITTED, a reset issued while another transaction changes the
 * account must see that change or wait for it. Another connection plays the other transaction here, holding it open
 * at the moment that matters, so the interleaving is certain rather than hoped for. (On SQLite, BEGIN IMMEDIATE
 * lets one writer in at a time, so these interleavings can't happen: db-isolation.test.ts.)
 */
describe.runIf(isPostgresUrl(UNIT_DATABASE_URL))("resets issued while the account changes (PostgreSQL)", () => {
  it("never sends a reset to the address an email change, committing meanwhile, has just taken away", async () => {
    const customer = await createCustomer();
    const newAddress = uniqueEmail("moved");
    await requestPasswordReset({ email: customer.email }, uniqueOrigin());

    const other = new pg.Client({ connectionString: UNIT_DATABASE_URL });
    await other.connect();
    try {
      // An email change in progress: its row written, not yet committed.
      await other.query("BEGIN");
      await other.query(`UPDATE "Customer" SET "email" = $1 WHERE "id" = $2`, [newAddress, customer.id]);
      const issuing = issueRequestedResets(`race-${customer.id}`);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the worker is now waiting on (or past) the row
      await other.query("COMMIT");
      await issuing;
    } finally {
      await other.end();
    }
    // Before the fix the worker had read the old address before the change committed, and mailed a link there.
    const tokens = await getDb().passwordResetToken.count({ where: { customerId: customer.id } });
    expect(tokens).toBe(0);
    expect(await getDb().resetRequest.count({ where: { claimedBy: `race-${customer.id}` } })).toBe(0);
  });

  it("never lets a reset issued during a password change outlive it", async () => {
    const customer = await createCustomer();
    await requestPasswordReset({ email: customer.email }, uniqueOrigin());
    const other = new pg.Client({ connectionString: UNIT_DATABASE_URL });
    await other.connect();
    let changedAt: Date;
    try {
      // A password change in progress, as replacePassword makes it: the row written, outstanding links revoked.
      await other.query("BEGIN");
      await other.query(`UPDATE "Customer" SET "passwordHash" = 'changed' WHERE "id" = $1`, [customer.id]);
      await other.query(`UPDATE "PasswordResetToken" SET "revokedAt" = now() WHERE "customerId" = $1 AND "usedAt" IS NULL AND "revokedAt" IS NULL`, [customer.id]);
      const issuing = issueRequestedResets(`race-${customer.id}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Before the fix the worker's link was committed by now, unseen by the revocation above.
      const issuedMeanwhile = await other.query(`SELECT count(*)::int AS n FROM "PasswordResetToken" WHERE "customerId" = $1`, [customer.id]);
      changedAt = new Date();
      await other.query("COMMIT");
      await issuing;
      expect(issuedMeanwhile.rows[0].n, "no link was issued while the change was in progress").toBe(0);
    } finally {
      await other.end();
    }
    // Issued after the change committed: a fresh link for a request made after it, which is what it now is.
    const [token] = await getDb().passwordResetToken.findMany({ where: { customerId: customer.id } });
    expect(token?.createdAt.getTime()).toBeGreaterThanOrEqual(changedAt.getTime() - 1000);
  });

  it("completes a reset while the worker revokes the same customer's links, without a deadlock", async () => {
    const customer = await createCustomer();
    await requestPasswordReset({ email: customer.email }, uniqueOrigin());
    const link = new URL(resetLinkIn((await latestEmailTo(customer.email))?.text ?? ""));
    const other = new pg.Client({ connectionString: UNIT_DATABASE_URL });
    await other.connect();
    try {
      // The worker issuing another reset for this customer: the customer's row locked first, then its links revoked.
      await other.query("BEGIN");
      await other.query(`UPDATE "Customer" SET "name" = "name" WHERE "id" = $1`, [customer.id]);
      const origin = uniqueOrigin();
      const completing = resolveResetProof({ token: link.searchParams.get("token") ?? "", email: customer.email }, origin).then((proof) =>
        completePasswordReset(proof, { newPassword: checkedPassword("set during the race"), signOutOtherSessions: true }, origin),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Before the fix the completion held the link's row by now and waited for the customer's: this statement
      // then waited for the link's, and PostgreSQL broke the deadlock by failing one of the two.
      await other.query(`UPDATE "PasswordResetToken" SET "revokedAt" = now() WHERE "customerId" = $1 AND "usedAt" IS NULL AND "revokedAt" IS NULL`, [customer.id]);
      await other.query("COMMIT");
      // The worker's newer link replaced the one being completed, which the completion then says.
      expect(await completing).toEqual({ status: "superseded" });
    } finally {
      await other.end();
    }
  });
});
