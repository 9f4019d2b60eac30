// npm run db:migration -- <name> – writes the next migration from the change in prisma/schema.prisma.
import { diffSchemaAgainstSnapshot, writeMigration } from "../lib/db/migrations";
import { resolveDatabase } from "../lib/db/resolve-database";

const name = process.argv[2];
if (!name || !/^[a-z0-9][a-z0-9_-]*$/i.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (letters, digits, - and _)");
  process.exit(2);
}
// The engine needs a reachable connection to start; the diff itself reads no database.
const database = await resolveDatabase(console.log);
try {
  const sql = await diffSchemaAgainstSnapshot(database.url);
  if (!sql.trim()) {
    console.log("prisma/schema.prisma matches the last migration: nothing to write.");
  } else {
    console.log(`Wrote ${writeMigration(name, sql)}`);
  }
} finally {
  await database.stop();
}
process.exit(0);
