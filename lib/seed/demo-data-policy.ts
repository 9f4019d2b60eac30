import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO_SHOPS } from "./seed-demo";

/** SEED_DEMO_DATA=on|off decides; unset, only the embedded database gets demo data, never a configured DATABASE_URL. */
export function shouldSeedDemoData(setting: string | undefined, isEmbeddedDatabase: boolean): boolean {
  if (setting === undefined || setting === "") return isEmbeddedDatabase;
  if (setting === "on" || setting === "off") return setting === "on";
  throw new Error(`SEED_DEMO_DATA must be "on" or "off" (it is "${setting}")`);
}

/** True when the demo shops' people exist (the login page and the start banner show them only then). */
export async function hasDemoData(db: Pick<PrismaClient, "user">): Promise<boolean> {
  return (await db.user.count({ where: { email: DEMO_SHOPS[0]!.users[0]!.email } })) > 0;
}
