// npm run db:seed – creates the demo shops once (idempotent).
import { createPrismaClient } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrations";
import { resolveDatabase } from "../lib/db/resolve-database";
import { seedDemoData } from "../lib/seed/seed-demo";

const database = await resolveDatabase(console.log);
try {
  await applyMigrations(database.url);
  const prisma = createPrismaClient(database.url);
  const { created } = await seedDemoData(prisma);
  console.log(created ? "Demo data created." : "Demo data already present.");
  await prisma.$disconnect();
} finally {
  await database.stop();
}
process.exit(0);
