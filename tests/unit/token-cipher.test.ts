import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, generateEncryptionKey, parseEncryptionKeys } from "@/lib/crypto/token-cipher";

const k1 = generateEncryptionKey("k1");
const k2 = generateEncryptionKey("k2");

describe("token cipher", () => {
  it("round-trips, and never returns the plaintext in the ciphertext", () => {
    const keys = parseEncryptionKeys(k1);
    const encrypted = encryptSecret(keys, "RT1-39-H3-secret-refresh-token", "org1:realm1:refresh");
    expect(encrypted.keyId).toBe("k1");
    expect(encrypted.ciphertext).not.toContain("secret");
    expect(decryptSecret(keys, encrypted, "org1:realm1:refresh")).toBe("RT1-39-H3-secret-refresh-token");
    expect(encryptSecret(keys, "same", "ctx").ciphertext).not.toBe(encryptSecret(keys, "same", "ctx").ciphertext);
  });

  it("refuses to decrypt under another organization, realm or purpose, or after tampering", () => {
    const keys = parseEncryptionKeys(k1);
    const encrypted = encryptSecret(keys, "token", "org1:realm1:access");
    expect(() => decryptSecret(keys, encrypted, "org2:realm1:access")).toThrow();
    expect(() => decryptSecret(keys, encrypted, "org1:realm1:refresh")).toThrow();
    const parts = encrypted.ciphertext.split(".");
    const flipped = parts[3]!.startsWith("A") ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    expect(() => decryptSecret(keys, { ...encrypted, ciphertext: [...parts.slice(0, 3), flipped].join(".") }, "org1:realm1:access")).toThrow();
  });

  it("rotates: the newest key encrypts, older keys still decrypt, removed keys do not", () => {
    const old = encryptSecret(parseEncryptionKeys(k1), "token", "ctx");
    const rotated = parseEncryptionKeys(`${k2},${k1}`);
    expect(decryptSecret(rotated, old, "ctx")).toBe("token");
    expect(encryptSecret(rotated, "token", "ctx").keyId).toBe("k2");
    expect(() => decryptSecret(parseEncryptionKeys(k2), old, "ctx")).toThrow(/No encryption key with id k1/);
  });

  it("validates the key list", () => {
    expect(() => parseEncryptionKeys(undefined)).toThrow(/not set/);
    expect(() => parseEncryptionKeys("k1:c2hvcnQ=")).toThrow(/32 bytes/);
    expect(() => parseEncryptionKeys("nocolon")).toThrow(/id:base64/);
    expect(() => parseEncryptionKeys(`${k1},${k1}`)).toThrow(/repeated/);
  });
});
