import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { simulatePayout } from "@/lib/payouts/simulate-payout";
import { createTestShop, createXometryJob } from "../factories/shops";

describe("Simulate payout", () => {
  it("records shipped jobs at their price through the same path as the webhook", async () => {
    const shop = await createTestShop();
    const a = await createXometryJob(shop, { status: "SHIPPED", priceCents: 10_050 });
    const b = await createXometryJob(shop, { status: "SHIPPED", priceCents: 20_000 });
    const result = await simulatePayout(shop.actors.admin, { jobIds: [a.id, b.id], paidAt: "2026-11-28" });
    expect(result.status).toBe("recorded");
    const payout = await db.payout.findUniqueOrThrow({ where: { id: result.payoutId } });
    expect(payout).toMatchObject({ source: "SIMULATED", grossCents: 30_050, netCents: 30_050 });
    expect(payout.externalId).toMatch(/^P-SIM-/);
    expect(await db.domainEvent.count({ where: { payoutId: payout.id, type: "payout.recorded" } })).toBe(1);
  });

  it("is for owners and admins only, and only for this shop's shipped jobs", async () => {
    const shop = await createTestShop();
    const other = await createTestShop();
    const shipped = await createXometryJob(shop, { status: "SHIPPED" });
    const accepted = await createXometryJob(shop, { status: "ACCEPTED" });
    const othersShipped = await createXometryJob(other, { status: "SHIPPED" });
    for (const actor of [shop.actors.operator, shop.actors.bookkeeper]) {
      await expect(simulatePayout(actor, { jobIds: [shipped.id], paidAt: "2026-11-28" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const jobIds of [[accepted.id], [othersShipped.id], []]) {
      await expect(simulatePayout(shop.actors.owner, { jobIds, paidAt: "2026-11-28" })).rejects.toBeInstanceOf(AppError);
    }
    expect(await db.payout.count({ where: { organizationId: { in: [shop.organizationId, other.organizationId] } } })).toBe(0);
  });
});
