import { afterEach, describe, expect, it } from "vitest";
import { createCustomer, deliverQueuedEmails, uniqueOrigin, useEnvironment } from "@/test/support";
import { requestPasswordReset } from "@/app/_server/recovery/request-password-reset";
import { GET } from "./route";

const TOKEN = "health-details-token-for-unit-tests-0123";

async function health(authorization?: string) {
  const response = await GET(new Request("http://localhost:3000/api/health", authorization ? { headers: { authorization } } : {}));
  return { status: response.status, body: await response.json() };
}

describe("GET /api/health", () => {
  let restore = () => {};
  afterEach(() => restore());

  it("tells the public only up or down, even while a registered address's reset waits to be issued", async () => {
    restore = useEnvironment({ HEALTH_DETAILS_TOKEN: TOKEN });
    const customer = await createCustomer();
    await requestPasswordReset({ email: customer.email }, uniqueOrigin());
    expect(await health()).toEqual({ status: 200, body: { status: "ok" } });
    await deliverQueuedEmails();
  });

  it("gives the outbox's counts to whoever presents the details token, and a 401 to a wrong one", async () => {
    restore = useEnvironment({ HEALTH_DETAILS_TOKEN: TOKEN });
    const detailed = await health(`Bearer ${TOKEN}`);
    expect(detailed.status).toBe(200);
    expect(detailed.body).toMatchObject({ status: "ok", database: { reachable: true }, outbox: { backlog: expect.any(Number), failed: expect.any(Number) } });
    expect(await health(`Bearer ${TOKEN}x`)).toEqual({ status: 401, body: { status: "unauthorized" } });
    // An auth proxy's Basic credentials aren't a guess at the token: the load balancer still sees "ok".
    expect(await health("Basic abc")).toEqual({ status: 200, body: { status: "ok" } });
  });

  it("has no details at all without HEALTH_DETAILS_TOKEN, whatever a client presents", async () => {
    restore = useEnvironment({});
    expect(await health(`Bearer ${TOKEN}`)).toEqual({ status: 200, body: { status: "ok" } });
  });
});
