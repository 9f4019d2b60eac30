import { db } from "@/lib/db/client";
import { decryptTokens, encryptTokenSet, getEncryptionKeys } from "./token-store";

/**
 * Moves every stored QuickBooks token to the newest key (the first in TOKEN_ENCRYPTION_KEYS).
 * Each row is re-read under a row lock so a concurrent refresh is never overwritten.
 */
export async function reencryptQuickBooksTokens(): Promise<{ updated: number }> {
  const keys = getEncryptionKeys();
  const newest = keys[0]!.id;
  const stale = await db.quickBooksConnection.findMany({ where: { tokenKeyId: { not: null, notIn: [newest] } }, select: { id: true } });
  let updated = 0;
  for (const { id } of stale) {
    updated += await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "QuickBooksConnection" WHERE id = ${id} FOR UPDATE`;
      const row = await tx.quickBooksConnection.findUniqueOrThrow({ where: { id } });
      const tokens = row.tokenKeyId && row.tokenKeyId !== newest ? decryptTokens(row, keys) : null;
      if (!tokens || !row.accessTokenExpiresAt || !row.refreshTokenExpiresAt) return 0;
      const columns = encryptTokenSet(row.organizationId, row.realmId, {
        ...tokens,
        accessTokenExpiresAt: row.accessTokenExpiresAt,
        refreshTokenExpiresAt: row.refreshTokenExpiresAt,
        refreshTokenHardExpiresAt: row.refreshTokenHardExpiresAt,
      }, keys);
      await tx.quickBooksConnection.update({ where: { id }, data: columns });
      return 1;
    });
  }
  return { updated };
}
