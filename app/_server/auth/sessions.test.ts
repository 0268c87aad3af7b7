import { describe, expect, it } from "vitest";
import { createCustomer, uniqueOrigin } from "@/test/support";
import { getDb } from "../db";
import { checkSession, endOtherSession, endSession, listSessions, revokeAllSessions, SESSION_SEEN_RESOLUTION_MS, startSession } from "./sessions";

describe("sessions", () => {
  it("a session is live until it is ended, and only for its own customer", async () => {
    const customer = await createCustomer();
    const other = await createCustomer();
    const id = await startSession(customer.id, uniqueOrigin());
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await checkSession(id, customer.id)).toBe(true);
    expect(await checkSession(id, other.id)).toBe(false);
    expect(await checkSession(undefined, customer.id)).toBe(false);
    await endSession(id);
    expect(await checkSession(id, customer.id)).toBe(false);
  });

  it("moves last-seen on only when it is older than the resolution, so most requests write nothing", async () => {
    const customer = await createCustomer();
    const started = new Date("2026-12-01T10:00:00Z");
    const id = await startSession(customer.id, uniqueOrigin(), started);
    await checkSession(id, customer.id, new Date(started.getTime() + SESSION_SEEN_RESOLUTION_MS - 1000));
    expect((await getDb().session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(started);
    const later = new Date(started.getTime() + SESSION_SEEN_RESOLUTION_MS + 1000);
    await checkSession(id, customer.id, later);
    expect((await getDb().session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(later);
  });

  it("lists the current session first, and ends another one only for its owner", async () => {
    const customer = await createCustomer();
    const intruder = await createCustomer();
    const here = await startSession(customer.id, uniqueOrigin());
    const phone = await startSession(customer.id, { ip: "10.1.2.3", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1" });
    const listed = await listSessions(customer.id, here);
    expect(listed.map(({ id, current }) => [id, current])).toEqual([[here, true], [phone, false]]);

    expect(await endOtherSession(intruder.id, phone, uniqueOrigin())).toBe(false);
    expect(await checkSession(phone, customer.id)).toBe(true);
    expect(await endOtherSession(customer.id, phone, uniqueOrigin())).toBe(true);
    expect(await checkSession(phone, customer.id)).toBe(false);
    expect(await checkSession(here, customer.id)).toBe(true);
  });

  it("'sign out everywhere else' keeps only the session asking", async () => {
    const customer = await createCustomer();
    const here = await startSession(customer.id, uniqueOrigin());
    const others = [await startSession(customer.id, uniqueOrigin()), await startSession(customer.id, uniqueOrigin())];
    await getDb().$transaction((tx) => revokeAllSessions(tx, customer.id, uniqueOrigin(), here));
    expect(await checkSession(here, customer.id)).toBe(true);
    for (const id of others) expect(await checkSession(id, customer.id)).toBe(false);
  });
});
