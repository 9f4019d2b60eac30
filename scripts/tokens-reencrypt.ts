// npm run tokens:reencrypt – after adding a new key first in TOKEN_ENCRYPTION_KEYS, move old rows to it.
import { getDataDir, resolveDatabase } from "../lib/db/resolve-database";
import { loadOrCreateLocalSecrets } from "../lib/runtime/local-secrets";

loadOrCreateLocalSecrets(getDataDir());
const database = await resolveDatabase(console.log);
process.env.DATABASE_URL = database.url;
const { reencryptQuickBooksTokens } = await import("../lib/quickbooks/reencrypt");
try {
  const { updated } = await reencryptQuickBooksTokens();
  console.log(`Re-encrypted ${updated} QuickBooks connection(s) with the newest key.`);
} finally {
  await database.stop();
}
process.exit(0);
