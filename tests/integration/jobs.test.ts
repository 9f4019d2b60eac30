import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { toCalendarDateString } from "@/lib/dates";
import { completeInHouseJob, createInHouseJob } from "@/lib/jobs/in-house-jobs";
import { acceptJob, cancelJob, repriceJob, shipJob } from "@/lib/jobs/job-actions";
import { getJob } from "@/lib/jobs/queries";
import { expectAppError } from "../factories/assertions";
import { createTestShop, createXometryJob } from "../factories/shops";

async function eventsOf(jobId: string) {
  return db.domainEvent.findMany({ where: { jobId }, orderBy: { createdAt: "asc" } });
}

describe("Xometry job transitions", () => {
  it("accepts, then ships, recording an event in the same transaction each time", async () => {
    const shop = await createTestShop();
    const offer = await createXometryJob(shop, { expectedShipDate: "2026-12-15" });
    const accepted = await acceptJob(shop.actors.operator, offer.id, new Date("2026-11-26T10:00:00Z"));
    expect(accepted.status).toBe("ACCEPTED");
    expect(accepted.acceptedAt?.toISOString()).toBe("2026-11-26T10:00:00.000Z");
    const shipped = await shipJob(shop.actors.operator, { jobId: offer.id, shipDate: "2026-12-01" });
    expect(shipped.status).toBe("SHIPPED");
    expect(toCalendarDateString(shipped.shipDate!)).toBe("2026-12-01");
    const events = await eventsOf(offer.id);
    expect(events.map((event) => event.type)).toEqual(["job.accepted", "job.shipped"]);
    expect(events[0]!.payload).toMatchObject({ expectedShipDate: "2026-12-15", priceCents: 125_000 });
    expect(events[1]!.payload).toMatchObject({ shipDate: "2026-12-01" });
    expect(events.every((event) => event.actorUserId === shop.actors.operator.userId)).toBe(true);
  });

  it("refuses illegal moves with a clear message and changes nothing", async () => {
    const shop = await createTestShop();
    const offer = await createXometryJob(shop);
    const shipTooEarly = await expectAppError(shipJob(shop.actors.owner, { jobId: offer.id, shipDate: "2026-12-01" }));
    expect(shipTooEarly.userMessage).toMatch(/cannot be shipped: it has not been accepted yet/);
    await acceptJob(shop.actors.owner, offer.id);
    expect((await expectAppError(acceptJob(shop.actors.owner, offer.id))).userMessage).toMatch(/already accepted/);
    await cancelJob(shop.actors.owner, offer.id);
    expect((await expectAppError(acceptJob(shop.actors.owner, offer.id))).userMessage).toMatch(/cancelled/);
    expect((await expectAppError(shipJob(shop.actors.owner, { jobId: offer.id, shipDate: "2026-12-01" }))).code).toBe("INVALID_TRANSITION");
    const job = await db.job.findUniqueOrThrow({ where: { id: offer.id } });
    expect(job.status).toBe("CANCELLED");
    expect(job.shipDate).toBeNull();
    expect((await eventsOf(offer.id)).map((event) => event.type)).toEqual(["job.accepted", "job.cancelled"]);
  });

  it("accepts a job once even when two people click at the same moment", async () => {
    const shop = await createTestShop();
    const offer = await createXometryJob(shop);
    const results = await Promise.allSettled([acceptJob(shop.actors.owner, offer.id), acceptJob(shop.actors.operator, offer.id)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((await eventsOf(offer.id)).filter((event) => event.type === "job.accepted")).toHaveLength(1);
  });

  it("validates the ship date", async () => {
    const shop = await createTestShop();
    const job = await createXometryJob(shop, { status: "ACCEPTED", acceptedAt: new Date("2026-11-20T12:00:00Z") });
    const badDate = await expectAppError(shipJob(shop.actors.operator, { jobId: job.id, shipDate: "2026-02-30" }));
    expect(badDate.code).toBe("INVALID_INPUT");
    expect(badDate.details).toEqual(["shipDate: Enter a date as YYYY-MM-DD"]);
    const beforeAcceptance = await expectAppError(shipJob(shop.actors.operator, { jobId: job.id, shipDate: "2026-11-18" }));
    expect(beforeAcceptance.userMessage).toMatch(/before the job was accepted/);
    expect((await db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("ACCEPTED");
  });

  it("keeps the price history when the price changes after acceptance", async () => {
    const shop = await createTestShop();
    const job = await createXometryJob(shop, { status: "ACCEPTED", priceCents: 100_000 });
    await repriceJob(shop.actors.admin, { jobId: job.id, price: "1150.50", reason: "Added deburring" });
    await repriceJob(shop.actors.owner, { jobId: job.id, price: "1200" });
    const loaded = await getJob(shop.organizationId, job.id);
    expect(loaded.priceCents).toBe(120_000);
    expect(loaded.priceChanges.map((change) => [change.previousCents, change.newCents])).toEqual([
      [115_050, 120_000],
      [100_000, 115_050],
    ]);
    expect((await eventsOf(job.id)).map((event) => event.payload)).toEqual([
      { number: job.number, previousCents: 100_000, newCents: 115_050 },
      { number: job.number, previousCents: 115_050, newCents: 120_000 },
    ]);
    expect((await expectAppError(repriceJob(shop.actors.owner, { jobId: job.id, price: "12.345" }))).code).toBe("INVALID_INPUT");
    const offered = await createXometryJob(shop);
    expect((await expectAppError(repriceJob(shop.actors.owner, { jobId: offered.id, price: "10.00" }))).code).toBe("INVALID_TRANSITION");
  });
});

describe("roles and tenants", () => {
  it("lets only owners, admins and operators accept and ship; only owners and admins re-price", async () => {
    const shop = await createTestShop();
    const offer = await createXometryJob(shop);
    expect((await expectAppError(acceptJob(shop.actors.bookkeeper, offer.id))).code).toBe("FORBIDDEN");
    const accepted = await createXometryJob(shop, { status: "ACCEPTED" });
    expect((await expectAppError(repriceJob(shop.actors.operator, { jobId: accepted.id, price: "1.00" }))).code).toBe("FORBIDDEN");
    expect((await db.job.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("OFFERED");
  });

  it("treats another shop's job as not found, for reads and writes", async () => {
    const acme = await createTestShop("Acme");
    const birch = await createTestShop("Birch");
    const acmeJob = await createXometryJob(acme);
    expect((await expectAppError(acceptJob(birch.actors.owner, acmeJob.id))).code).toBe("NOT_FOUND");
    expect((await expectAppError(getJob(birch.organizationId, acmeJob.id))).httpStatus).toBe(404);
    expect((await db.job.findUniqueOrThrow({ where: { id: acmeJob.id } })).status).toBe("OFFERED");
  });
});

describe("in-house jobs", () => {
  it("creates a job with line items, totals it exactly, and completes it", async () => {
    const shop = await createTestShop();
    const job = await createInHouseJob(shop.actors.operator, {
      customerName: "Hawthorne Robotics",
      title: "Gripper fingers",
      lineItems: [
        { description: "Finger, 6061", quantity: "4", unitPrice: "12.35" },
        { description: "Anodize", quantity: 1, unitPrice: "45" },
      ],
    });
    expect(job.number).toMatch(/^IH-\d+$/);
    expect(job.priceCents).toBe(4 * 1235 + 4500);
    expect(job.status).toBe("OPEN");
    const second = await createInHouseJob(shop.actors.owner, { customerName: "B", title: "T", lineItems: [{ description: "x", quantity: 1, unitPrice: "1" }] });
    expect(second.number).not.toBe(job.number);
    const completed = await completeInHouseJob(shop.actors.bookkeeper, job.id);
    expect(completed.status).toBe("COMPLETED");
    expect((await expectAppError(completeInHouseJob(shop.actors.owner, job.id))).userMessage).toMatch(/already completed/);
    expect((await eventsOf(job.id)).map((event) => event.type)).toEqual(["in_house_job.created", "in_house_job.completed"]);
  });

  it("refuses a form without a customer or lines, field by field", async () => {
    const shop = await createTestShop();
    const error = await expectAppError(createInHouseJob(shop.actors.owner, { customerName: " ", title: "T", lineItems: [{ description: "", quantity: 0, unitPrice: "abc" }] }));
    expect(error.details).toEqual(
      expect.arrayContaining([
        "customerName: Enter the customer's name",
        "lineItems.0.description: Describe the line",
        "lineItems.0.quantity: At least 1",
        "lineItems.0.unitPrice: Enter an amount like 1250.00 (at most two decimals)",
      ]),
    );
    expect(await db.job.count({ where: { organizationId: shop.organizationId } })).toBe(0);
  });
});
