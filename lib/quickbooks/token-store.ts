import { decryptSecret, encryptSecret, parseEncryptionKeys, type TEncryptionKey } from "@/lib/crypto/token-cipher";
import type { TTokenSet } from "./oauth";

/** The columns a connection keeps for its tokens: ciphertexts, key id and expiries, never plaintext. */
export type TEncryptedTokenColumns = {
  tokenKeyId: string;
  accessTokenCiphertext: string;
  refreshTokenCiphertext: string;
  accessTokenExpiresAt: Date;
  refreshTokenExpiresAt: Date;
};

export type TDecryptedTokens = { accessToken: string; refreshToken: string };

export function getEncryptionKeys(): TEncryptionKey[] {
  return parseEncryptionKeys(process.env.TOKEN_ENCRYPTION_KEYS);
}

function context(organizationId: string, realmId: string, purpose: "access" | "refresh"): string {
  return `quickbooks:${organizationId}:${realmId}:${purpose}`;
}

export function encryptTokenSet(organizationId: string, realmId: string, tokens: TTokenSet, keys = getEncryptionKeys()): TEncryptedTokenColumns {
  const access = encryptSecret(keys, tokens.accessToken, context(organizationId, realmId, "access"));
  const refresh = encryptSecret(keys, tokens.refreshToken, context(organizationId, realmId, "refresh"));
  return {
    tokenKeyId: access.keyId,
    accessTokenCiphertext: access.ciphertext,
    refreshTokenCiphertext: refresh.ciphertext,
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
  };
}

export function decryptTokens(
  row: { organizationId: string; realmId: string; tokenKeyId: string | null; accessTokenCiphertext: string | null; refreshTokenCiphertext: string | null },
  keys = getEncryptionKeys(),
): TDecryptedTokens | null {
  if (!row.tokenKeyId || !row.accessTokenCiphertext || !row.refreshTokenCiphertext) return null;
  return {
    accessToken: decryptSecret(keys, { keyId: row.tokenKeyId, ciphertext: row.accessTokenCiphertext }, context(row.organizationId, row.realmId, "access")),
    refreshToken: decryptSecret(keys, { keyId: row.tokenKeyId, ciphertext: row.refreshTokenCiphertext }, context(row.organizationId, row.realmId, "refresh")),
  };
}
