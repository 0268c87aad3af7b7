import "server-only";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
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
 *
 * An entry there that isn't an address (a proxy that writes "unknown", say) is skipped for the next one to the
 * right, which a more trusted hop wrote: so such clients are counted by the hop they came through, never all
 * together under one shared name that one of them could use up for everyone.
 */
export function clientAddressFrom(requestHeaders: Headers, trustProxyHops: number): string | null {
  const peer = requestHeaders.get(PEER_ADDRESS_HEADER);
  if (!peer) return null;
  const forwardedFor = (requestHeaders.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwardedFor, peer];
  for (let index = Math.max(0, chain.length - 1 - trustProxyHops); index < chain.length; index += 1) {
    const address = canonicalAddress(chain[index] ?? "");
    if (address) return address;
  }
  return UNKNOWN_ADDRESS; // not even the peer parsed: server.mjs always writes one, so only a test sees this
}

/** One spelling per address (RFC 5952 for IPv6, IPv4-mapped IPv6 as IPv4), or null if it isn't one. */
function canonicalAddress(written: string): string | null {
  // Some proxies write the client's port too: 203.0.113.5:51234, [2001:db8::1]:443.
  const entry = written.replace(/^\[([^\]]+)\](?::\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  if (isIP(entry) === 4) return entry;
  if (isIP(entry) !== 6) return null;
  const address = ipaddr.IPv6.parse(entry);
  if (address.isIPv4MappedAddress()) return address.toIPv4Address().toString();
  address.zoneId = undefined;
  return address.toRFC5952String();
}

/**
 * What a per-client rate limit counts by. One IPv4 address is usually one household or office; but a single IPv6
 * subscriber is handed a whole /64 (RFC 6177) and can pick a fresh address from it for every request, so IPv6
 * clients are counted by their /64.
 */
export function clientLimitKey(origin: RequestOrigin): string {
  if (isIP(origin.ip) !== 6) return origin.ip;
  const network = ipaddr.IPv6.parse(origin.ip).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...network, 0, 0, 0, 0]).toRFC5952String()}/64`;
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
