import { createHash, timingSafeEqual } from "node:crypto";
import { getDb } from "@/app/_server/db";
import { getConfig } from "@/app/_server/env";
import { describeError, log } from "@/app/_server/log";
import { readOutboxHealth } from "@/app/_server/outbox/outbox-health";

/**
 * GET /api/health, for load balancers: 200 `{"status":"ok"}` when the database answers, 503 when it doesn't, and
 * nothing else. The outbox's backlog would tell anyone polling it whether a reset request they just made was for a
 * registered address (only those become email), so the details are only for an operator who presents
 * `Authorization: Bearer <HEALTH_DETAILS_TOKEN>`; without that setting there are none. A wrong bearer token gets a
 * 401, so a misconfigured monitor notices; any other Authorization header gets the public answer.
 */
export async function GET(request: Request) {
  const headers = { "Cache-Control": "no-store" };
  const access = detailsAccess(request.headers.get("authorization"));
  if (access === "refused") {
    return Response.json({ status: "unauthorized" }, { status: 401, headers: { ...headers, "WWW-Authenticate": "Bearer" } });
  }
  try {
    const started = performance.now();
    await getDb().$queryRawUnsafe("SELECT 1");
    if (access === "public") return Response.json({ status: "ok" }, { headers });
    const databaseLatencyMs = Math.round((performance.now() - started) * 10) / 10;
    const outbox = await readOutboxHealth();
    return Response.json({ status: "ok", database: { reachable: true, latencyMs: databaseLatencyMs }, outbox }, { headers });
  } catch (error) {
    log.error({ event: "health.database_unreachable", error: describeError(error) }, "health check: database unreachable");
    return Response.json({ status: "unavailable" }, { status: 503, headers });
  }
}

function detailsAccess(authorization: string | null): "public" | "details" | "refused" {
  const expected = getConfig().healthDetailsToken;
  if (!authorization) return "public";
  if (!expected) return "public"; // details are off: a monitor's token changes nothing
  // Another scheme (Basic from an auth proxy in front of a staging site, say) isn't an attempt at the details.
  const presented = /^Bearer (.+)$/i.exec(authorization)?.[1];
  if (presented === undefined) return "public";
  // Compared as hashes, so the comparison takes the same time whatever the lengths.
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(presented), digest(expected)) ? "details" : "refused";
}
