import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clientAddressFrom, clientLimitKey, PEER_ADDRESS_HEADER } from "./client-address";

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

  it("spells each address one way: IPv4-mapped IPv6 as IPv4, IPv6 per RFC 5952", () => {
    expect(clientAddressFrom(request("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientAddressFrom(request("::1"), 0)).toBe("::1");
    expect(clientAddressFrom(request("2001:0DB8:0000:0000:0000:0000:0000:0001"), 0)).toBe("2001:db8::1");
    expect(clientAddressFrom(request("fe80::1%eth0"), 0)).toBe("fe80::1");
    // With the port some proxies append: still that client, not the proxy that wrote it.
    expect(clientAddressFrom(request("10.0.0.2", "203.0.113.5:51234"), 1)).toBe("203.0.113.5");
    expect(clientAddressFrom(request("10.0.0.2", "[2001:db8::1]:443"), 1)).toBe("2001:db8::1");
    expect(clientAddressFrom(request("10.0.0.2", "[2001:db8::2]"), 1)).toBe("2001:db8::2");
  });

  it("skips an entry that isn't an address for the hop that wrote it, never a name every such client shares", () => {
    // Before (issue 15, finding 3) every one of these was "unknown": one bucket that any of them could use up.
    expect(clientAddressFrom(request("10.0.0.2", "<script>, 198.51.100.9"), 2)).toBe("198.51.100.9");
    expect(clientAddressFrom(request("10.0.0.2", "unknown"), 1)).toBe("10.0.0.2");
    expect(clientAddressFrom(request("10.0.0.2", "1.2.3"), 1)).toBe("10.0.0.2"); // legacy shorthand is not an address here
    expect(clientAddressFrom(request("10.0.0.3", "unknown"), 1)).not.toBe(clientAddressFrom(request("10.0.0.2", "unknown"), 1));
  });

  it("is unknown without the peer header that server.mjs sets", () => {
    expect(clientAddressFrom(request(null, "1.2.3.4"), 1)).toBeNull();
  });

  it("reads the header server.mjs writes", () => {
    expect(readFileSync("server.mjs", "utf8")).toContain(`const PEER_ADDRESS_HEADER = "${PEER_ADDRESS_HEADER}";`);
  });
});

describe("what per-client limits count by", () => {
  const key = (ip: string) => clientLimitKey({ ip, userAgent: "" });

  it("is the address itself for IPv4", () => {
    expect(key("203.0.113.7")).toBe("203.0.113.7");
    expect(key("203.0.113.8")).not.toBe(key("203.0.113.7"));
  });

  it("is the /64 for IPv6, which one subscriber holds whole", () => {
    expect(key("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(key("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(key("2001:db8:1:2::9"));
    expect(key("2001:db8:1:3::1")).not.toBe(key("2001:db8:1:2::1"));
  });
});
