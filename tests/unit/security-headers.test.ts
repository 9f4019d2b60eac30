import { describe, expect, it } from "vitest";
import { buildSecurityHeaders, NON_PAGE_CONTENT_SECURITY_POLICY } from "@/lib/security/headers";

const base = { isHttps: false, isDev: false, formActionOrigins: ["https://appcenter.intuit.com"] };

function directives(policy: string): Map<string, string> {
  return new Map(policy.split("; ").map((directive) => [directive.split(" ")[0]!, directive.slice(directive.indexOf(" ") + 1)]));
}

describe("security headers", () => {
  it("give pages a nonce-only script policy, no framing, and QuickBooks as the only other form target", () => {
    const headers = buildSecurityHeaders({ ...base, nonce: "abc123" });
    const csp = directives(headers["content-security-policy"]!);
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("form-action")).toBe("'self' https://appcenter.intuit.com");
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    expect(headers).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  it("add HSTS and upgrade-insecure-requests only when APP_URL is https", () => {
    const headers = buildSecurityHeaders({ ...base, isHttps: true, nonce: "n" });
    expect(headers["strict-transport-security"]).toBe("max-age=31536000");
    expect(headers["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  it("allow eval only in development (React's dev tools need it)", () => {
    expect(buildSecurityHeaders({ ...base, isDev: true, nonce: "n" })["content-security-policy"]).toContain("'unsafe-eval'");
  });

  it("give everything that is not a page a policy that allows nothing", () => {
    const headers = buildSecurityHeaders(base);
    expect(headers["content-security-policy"]).toBe(NON_PAGE_CONTENT_SECURITY_POLICY);
    expect(directives(NON_PAGE_CONTENT_SECURITY_POLICY).get("default-src")).toBe("'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
  });
});
