// npm run db:migrate – applies prisma/migrations to DATABASE_URL (or the embedded PostgreSQL).
import { applyMigrations } from "../lib/db/migrations";
import { resolveDatabase } from "../lib/db/resolve-database";

const database = await resolveDatabase(console.log);
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
} finally {
  await database.stop();
}
process.exit(0);
