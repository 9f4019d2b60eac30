import crypto from "node:crypto";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { fromCalendarDate } from "@/lib/dates";
import type { JobStatus, Role } from "@/lib/generated/prisma/enums";

export type TTestShop = {
  organizationId: string;
  supplierId: string;
  actors: Record<Lowercase<Role>, TActor>;
};

const ROLES: Role[] = ["OWNER", "ADMIN", "BOOKKEEPER", "OPERATOR"];

/** A shop with one user per role, unique to the calling test. */
export async function createTestShop(name = "Test Shop"): Promise<TTestShop> {
  const suffix = crypto.randomBytes(4).toString("hex");
  const organization = await db.organization.create({ data: { name: `${name} ${suffix}`, xometrySupplierId: `S-T${suffix}` } });
  const actors = {} as TTestShop["actors"];
  for (const role of ROLES) {
    const user = await db.user.create({
      data: {
        email: `${role.toLowerCase()}-${suffix}@shop.test`,
        name: `${role} ${suffix}`,
        passwordHash: "not-used",
        memberships: { create: { organizationId: organization.id, role } },
      },
    });
    actors[role.toLowerCase() as Lowercase<Role>] = { userId: user.id, organizationId: organization.id, role };
  }
  return { organizationId: organization.id, supplierId: organization.xometrySupplierId, actors };
}

let jobCounter = 0;

export async function createXometryJob(
  shop: TTestShop,
  overrides: { status?: JobStatus; priceCents?: number; expectedShipDate?: string; number?: string; acceptedAt?: Date } = {},
) {
  jobCounter += 1;
  const status = overrides.status ?? "OFFERED";
  return db.job.create({
    data: {
      organizationId: shop.organizationId,
      source: "XOMETRY",
      number: overrides.number ?? `J-${900000 + jobCounter}${crypto.randomBytes(2).toString("hex")}`,
      status,
      partName: "Test Bracket",
      quantity: 5,
      priceCents: overrides.priceCents ?? 125_000,
      expectedShipDate: fromCalendarDate(overrides.expectedShipDate ?? "2026-12-15"),
      acceptedAt: status === "OFFERED" ? null : (overrides.acceptedAt ?? new Date("2026-11-20T15:00:00Z")),
      shipDate: status === "SHIPPED" ? fromCalendarDate("2026-11-24") : null,
    },
  });
}
