import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, countStepsFromDatabaseToSchema } from "@/lib/db/migrations";

/** A database of its own, so pushing the schema onto it cannot disturb other tests. */
const name = `migrations_check_${crypto.randomBytes(4).toString("hex")}`;
const adminUrl = inject("postgresAdminUrl");
const url = adminUrl.replace(/\/postgres$/, `/${name}`);

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  beforeAll(() => admin(`CREATE DATABASE ${name}`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it("applied to an empty database, produce exactly prisma/schema.prisma", async () => {
    const applied = await applyMigrations(url);
    expect(applied.length).toBeGreaterThan(0);
    expect(await applyMigrations(url)).toEqual([]);
    const drift = await countStepsFromDatabaseToSchema(url);
    expect(drift).toEqual({ steps: 0, warnings: [] });
  });

  it("the drift check does see a difference when there is one", async () => {
    await admin(`SELECT 1`);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`ALTER TABLE "Job" DROP COLUMN "customerName"`);
    await client.end();
    const drift = await countStepsFromDatabaseToSchema(url);
    expect(drift.steps).toBeGreaterThan(0);
  });
});
