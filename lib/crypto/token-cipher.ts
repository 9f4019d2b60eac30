import crypto from "node:crypto";
import { z } from "zod";

/**
 * AES-256-GCM for secrets at rest (QuickBooks tokens). Each ciphertext names the key that made it
 * and is bound to its context (organization, realm, purpose) as additional authenticated data, so
 * a token copied to another row or organization fails to decrypt.
 *
 * TOKEN_ENCRYPTION_KEYS = "id:base64key[,id:base64key…]", newest first: the first key encrypts,
 * every key decrypts; `npm run tokens:reencrypt` moves old rows to the first key.
 */
export type TEncryptionKey = { id: string; key: Buffer };
export type TEncrypted = { keyId: string; ciphertext: string };

const ZKeyEntrySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]+$/, "each key is id:base64")
  .transform((entry) => {
    const [id, material] = entry.split(":") as [string, string];
    return { id, key: Buffer.from(material, "base64") };
  })
  .refine((entry) => entry.key.length === 32, "each key must be 32 bytes (base64 of 32 random bytes)");

export function parseEncryptionKeys(value: string | undefined): TEncryptionKey[] {
  if (!value?.trim()) throw new Error("TOKEN_ENCRYPTION_KEYS is not set");
  const parsed = z.array(ZKeyEntrySchema).min(1).safeParse(value.split(","));
  if (!parsed.success) throw new Error(`TOKEN_ENCRYPTION_KEYS is invalid: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  const ids = parsed.data.map((entry) => entry.id);
  if (new Set(ids).size !== ids.length) throw new Error("TOKEN_ENCRYPTION_KEYS has a repeated key id");
  return parsed.data;
}

export function encryptSecret(keys: TEncryptionKey[], plaintext: string, context: string): TEncrypted {
  const current = keys[0]!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", current.key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return { keyId: current.id, ciphertext: ["v1", iv.toString("base64url"), tag.toString("base64url"), body.toString("base64url")].join(".") };
}

export function decryptSecret(keys: TEncryptionKey[], encrypted: TEncrypted, context: string): string {
  const key = keys.find((candidate) => candidate.id === encrypted.keyId);
  if (!key) throw new Error(`No encryption key with id ${encrypted.keyId} is configured`);
  const [version, iv, tag, body] = encrypted.ciphertext.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Unrecognised ciphertext format");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

export function generateEncryptionKey(id: string): string {
  return `${id}:${crypto.randomBytes(32).toString("base64")}`;
}
