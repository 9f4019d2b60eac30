import crypto from "node:crypto";

export type TSecurityHeaderOptions = {
  /** Pages get a script nonce; route handlers and files get a policy that allows nothing. */
  nonce?: string;
  isHttps: boolean;
  isDev: boolean;
  /** Where a form post may lead besides our own pages: QuickBooks' consent page after Connect. */
  formActionOrigins: string[];
};

export const PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

export function createNonce(): string {
  return crypto.randomBytes(16).toString("base64");
}

/**
 * Pages: scripts only with this response's nonce (Next.js puts it on its own scripts) or loaded by
 * them; styles from our files (plus inline style attributes React sets); nothing may frame us.
 */
export function buildPageContentSecurityPolicy(options: TSecurityHeaderOptions & { nonce: string }): string {
  const scripts = ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.isDev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${["'self'", ...options.formActionOrigins].join(" ")}`,
    "frame-ancestors 'none'",
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON, PDFs, redirects and static files render nothing of their own. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Every response's security headers. */
export function buildSecurityHeaders(options: TSecurityHeaderOptions): Record<string, string> {
  return {
    "content-security-policy": options.nonce ? buildPageContentSecurityPolicy({ ...options, nonce: options.nonce }) : NON_PAGE_CONTENT_SECURITY_POLICY,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    "cross-origin-opener-policy": "same-origin",
    ...(options.isHttps ? { "strict-transport-security": "max-age=31536000" } : {}),
  };
}
