import net from "node:net";

/** A bare IP address (IPv4-mapped IPv6 as IPv4), or "" when the value is not one. */
export function normalizeAddress(value: string | undefined): string {
  const address = (value ?? "").trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const bare = mapped ? mapped[1]! : address;
  return net.isIP(bare) ? bare.toLowerCase() : "";
}

/**
 * The address a request came from. With TRUSTED_PROXY_HOPS = 0 (the default) that is the TCP peer
 * and X-Forwarded-For is ignored, since any client can send one. With n trusted proxies in front,
 * it is the address the outermost of them saw: X-Forwarded-For read from the right, n entries deep.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",");
  const chain = [peer, ...forwarded.reverse()].map(normalizeAddress).filter(Boolean);
  return chain[Math.min(trustedHops, chain.length - 1)] ?? "unknown";
}

/** Behind the request gate, X-Forwarded-For holds exactly the address it resolved. */
export function getClientAddress(headers: Headers): string {
  return normalizeAddress(headers.get("x-forwarded-for")?.split(",").pop()) || "unknown";
}

/** The unit throttles count per: an IPv4 address, or an IPv6 /64 (what one subscriber gets). */
export function getAddressBucket(address: string): string {
  if (net.isIPv4(address) || !net.isIPv6(address)) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
