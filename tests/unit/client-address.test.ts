import { describe, expect, it } from "vitest";
import { getAddressBucket, getClientAddress, resolveClientAddress } from "@/lib/security/client-address";

describe("client address", () => {
  it("is the TCP peer by default, whatever X-Forwarded-For a client sends", () => {
    expect(resolveClientAddress("::ffff:203.0.113.7", "1.2.3.4", 0)).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", undefined, 0)).toBe("203.0.113.7");
  });

  it("behind n trusted proxies, is the address the outermost one saw (read from the right)", () => {
    // client forged "6.6.6.6"; the proxy appended the real client 198.51.100.9; the peer is the proxy.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.9", 1)).toBe("198.51.100.9");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6, 198.51.100.9", "10.0.0.1"], 2)).toBe("198.51.100.9");
    expect(resolveClientAddress("10.0.0.2", "not-an-ip, 198.51.100.9", 1)).toBe("198.51.100.9");
  });

  it("falls back to the nearest known address when fewer proxies answered than trusted", () => {
    expect(resolveClientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(resolveClientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("is read back by the app from the header the gate wrote", () => {
    expect(getClientAddress(new Headers({ "x-forwarded-for": "2001:DB8::1" }))).toBe("2001:db8::1");
    expect(getClientAddress(new Headers())).toBe("unknown");
  });

  it("is throttled per IPv4 address and per IPv6 /64", () => {
    expect(getAddressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(getAddressBucket("2001:db8:abcd:12:1:2:3:4")).toBe("2001:db8:abcd:12::/64");
    expect(getAddressBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(getAddressBucket("2001:db8:0:0:ffff::9")).toBe(getAddressBucket("2001:db8::1"));
  });
});
