import "server-only";
import { isIP } from "node:net";
import { headers } from "next/headers";
import { getConfig } from "./env";
import { log } from "./log";

/** Set by server.mjs to the TCP peer's address, after removing any copy a client sent. */
export const PEER_ADDRESS_HEADER = "x-storefront-peer-address";

/** Who is asking, as far as the server can trust it: for rate limits and the security activity log. */
export type RequestOrigin = { ip: string; userAgent: string };

const UNKNOWN_ADDRESS = "unknown";
const USER_AGENT_MAX_LENGTH = 256;

/**
 * The client's address. The TCP peer is the only address nobody can forge; each trusted proxy in front of the app
 * (TRUST_PROXY_HOPS of them) appends the address it received from to X-Forwarded-For. So the client is the entry
 * that many places to the left of the peer, and everything further left is whatever the client claimed.
 */
export function clientAddressFrom(requestHeaders: Headers, trustProxyHops: number): string | null {
  const peer = requestHeaders.get(PEER_ADDRESS_HEADER);
  if (!peer) return null;
  const forwardedFor = (requestHeaders.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwardedFor, peer];
  const client = chain[Math.max(0, chain.length - 1 - trustProxyHops)] ?? peer;
  return normaliseAddress(client);
}

function normaliseAddress(address: string): string {
  const unmapped = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(unmapped) ? unmapped.toLowerCase() : UNKNOWN_ADDRESS;
}

let warnedAboutMissingPeer = false;

/** Who sent a request, from its headers (a route handler's Request, or next-auth's copy of them). */
export function requestOriginFrom(requestHeaders: Headers): RequestOrigin {
  const userAgent = (requestHeaders.get("user-agent") ?? "").slice(0, USER_AGENT_MAX_LENGTH);
  const ip = clientAddressFrom(requestHeaders, getConfig().trustProxyHops);
  if (ip) return { ip, userAgent };
  if (!warnedAboutMissingPeer) {
    warnedAboutMissingPeer = true;
    log.warn(
      { event: "request.peer_address_missing" },
      "client addresses are unknown: start the app with server.mjs (npm start / npm run dev), not `next start`",
    );
  }
  return { ip: UNKNOWN_ADDRESS, userAgent };
}

/** The origin of the request being handled by a page or a server action. */
export async function currentRequestOrigin(): Promise<RequestOrigin> {
  return requestOriginFrom(await headers());
}
