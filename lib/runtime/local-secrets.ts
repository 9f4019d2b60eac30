import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Secrets the app needs; in production they come from the environment. */
const GENERATED = {
  XOMETRY_WEBHOOK_SECRET: () => crypto.randomBytes(32).toString("hex"),
  TOKEN_ENCRYPTION_KEYS: () => `k1:${crypto.randomBytes(32).toString("base64")}`,
} as const;

/** The secrets that are not configured (and would be generated for a local demo). */
function findUnconfiguredSecrets(env: Record<string, string | undefined> = process.env): string[] {
  return Object.keys(GENERATED).filter((name) => !env[name]);
}

/**
 * An https APP_URL is a real deployment: its secrets must come from the environment, never from a
 * file generated on first start. Returns the refusal message, or null when nothing is missing.
 */
export function describeMissingProductionSecrets(env: Record<string, string | undefined> = process.env): string | null {
  if (!env.APP_URL?.startsWith("https://")) return null;
  const missing = findUnconfiguredSecrets(env);
  if (!missing.length) return null;
  return `APP_URL is https (${env.APP_URL}), so this is a real deployment, but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set. Set ${missing.length > 1 ? "them" : "it"} in the environment (see "Environment variables" in README.md); generated secrets are only for a local demo on http.`;
}

/**
 * For the embedded default only: fills unset secrets from <data dir>/secrets.json, generating
 * them once (file mode 0600). Returns the names it filled so the launcher can warn.
 */
export function loadOrCreateLocalSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const file = path.join(dataDir, "secrets.json");
  const stored: Record<string, string> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  const filled: string[] = [];
  let changed = false;
  for (const [name, generate] of Object.entries(GENERATED)) {
    if (env[name]) continue;
    if (!stored[name]) {
      stored[name] = generate();
      changed = true;
    }
    env[name] = stored[name];
    filled.push(name);
  }
  if (changed) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return filled;
}
