import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clientAddressFrom, PEER_ADDRESS_HEADER } from "./client-address";

function request(peer: string | null, forwardedFor?: string) {
  const headers = new Headers();
  if (peer) headers.set(PEER_ADDRESS_HEADER, peer);
  if (forwardedFor !== undefined) headers.set("x-forwarded-for", forwardedFor);
  return headers;
}

describe("the client's address", () => {
  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddressFrom(request("203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientAddressFrom(request("203.0.113.7", "1.2.3.4"), 0)).toBe("203.0.113.7");
    expect(clientAddressFrom(request("203.0.113.7", "1.2.3.4, 5.6.7.8"), 0)).toBe("203.0.113.7");
  });

  it("is the address the trusted proxy appended, not what the client put before it", () => {
    // The client forged "1.2.3.4"; the proxy (the peer, 10.0.0.2) appended the real client, 198.51.100.9.
    expect(clientAddressFrom(request("10.0.0.2", "1.2.3.4, 198.51.100.9"), 1)).toBe("198.51.100.9");
    // Two proxies: a CDN appended the client, then the load balancer appended the CDN.
    expect(clientAddressFrom(request("10.0.0.2", "1.2.3.4, 198.51.100.9, 192.0.2.44"), 2)).toBe("198.51.100.9");
  });

  it("falls back to the furthest known hop when fewer proxies were passed than configured", () => {
    expect(clientAddressFrom(request("10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(clientAddressFrom(request("10.0.0.2", "198.51.100.9"), 3)).toBe("198.51.100.9");
  });

  it("normalises IPv4-mapped IPv6 and refuses anything that isn't an address", () => {
    expect(clientAddressFrom(request("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientAddressFrom(request("::1"), 0)).toBe("::1");
    expect(clientAddressFrom(request("10.0.0.2", "<script>, 198.51.100.9"), 2)).toBe("unknown");
  });

  it("is unknown without the peer header that server.mjs sets", () => {
    expect(clientAddressFrom(request(null, "1.2.3.4"), 1)).toBeNull();
  });

  it("reads the header server.mjs writes", () => {
    expect(readFileSync("server.mjs", "utf8")).toContain(`const PEER_ADDRESS_HEADER = "${PEER_ADDRESS_HEADER}";`);
  });
});
