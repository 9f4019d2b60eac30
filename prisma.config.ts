import { defineConfig } from "prisma/config";

// The Prisma CLI is used offline for `prisma generate` only; migrations run through
// scripts/db-migrate.ts (WebAssembly schema engine), see ARCHITECTURE.md.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/workcenter" },
});
