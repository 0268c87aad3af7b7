import { getDb } from "@/app/_server/db";
import { describeError, log } from "@/app/_server/log";
import { readOutboxHealth } from "@/app/_server/outbox/outbox-health";

/**
 * GET /api/health, for load balancers and monitoring: 200 when the database answers, 503 when it doesn't, with the
 * outbox's backlog so a stuck email queue shows up before customers complain. No secrets, addresses or content.
 */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    const started = performance.now();
    await getDb().$queryRawUnsafe("SELECT 1");
    const databaseLatencyMs = Math.round((performance.now() - started) * 10) / 10;
    const outbox = await readOutboxHealth();
    return Response.json({ status: "ok", database: { reachable: true, latencyMs: databaseLatencyMs }, outbox }, { headers });
  } catch (error) {
    log.error({ event: "health.database_unreachable", error: describeError(error) }, "health check: database unreachable");
    return Response.json({ status: "unavailable", database: { reachable: false } }, { status: 503, headers });
  }
}
