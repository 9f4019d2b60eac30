import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/xometry/payouts/route";
import { db } from "@/lib/db/client";
import { toCalendarDateString } from "@/lib/dates";
import { signXometryBody } from "@/lib/payouts/xometry-webhook";
import { createTestShop, createXometryJob, type TTestShop } from "../factories/shops";

const SECRET = process.env.XOMETRY_WEBHOOK_SECRET!;

function deliver(body: unknown, signature?: string) {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
  return POST(
    new Request("http://localhost/api/webhooks/xometry/payouts", {
      method: "POST",
      headers: { "content-type": "application/json", "x-xometry-signature": signature ?? signXometryBody(raw, SECRET) },
      body: raw,
    }),
  );
}

async function shippedJobs(shop: TTestShop, count: number) {
  return Promise.all(Array.from({ length: count }, () => createXometryJob(shop, { status: "SHIPPED" })));
}

const payoutsOf = (shop: TTestShop) => db.payout.count({ where: { organizationId: shop.organizationId } });

describe("POST /api/webhooks/xometry/payouts", () => {
  it("stores a signed payout with gross, deductions and net, and records the event", async () => {
    const shop = await createTestShop();
    const [a, b] = await shippedJobs(shop, 2);
    const response = await deliver({
      supplierId: shop.supplierId,
      payoutId: "P-5001",
      paidAt: "2026-11-30",
      lines: [
        { jobNumber: a!.number, amount: "1250.00" },
        { jobNumber: b!.number, amount: "99.99" },
      ],
      deductions: [{ kind: "fastpay_fee", amount: "75.00", memo: "FastPay" }],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "recorded" });
    const payout = await db.payout.findFirstOrThrow({ where: { organizationId: shop.organizationId }, include: { lines: true, deductions: true } });
    expect(payout).toMatchObject({ externalId: "P-5001", grossCents: 134_999, deductionsCents: 7500, netCents: 127_499, source: "WEBHOOK" });
    expect(toCalendarDateString(payout.paidAt)).toBe("2026-11-30");
    expect(payout.lines.map((line) => line.amountCents).sort()).toEqual([125_000, 9999]);
    expect(payout.deductions).toMatchObject([{ kind: "FASTPAY_FEE", amountCents: 7500, memo: "FastPay" }]);
    expect(await db.domainEvent.count({ where: { payoutId: payout.id, type: "payout.recorded" } })).toBe(1);
  });

  it("rejects a bad or missing signature with 401 and stores nothing", async () => {
    const shop = await createTestShop();
    const [job] = await shippedJobs(shop, 1);
    const body = { supplierId: shop.supplierId, payoutId: "P-5002", paidAt: "2026-11-30", lines: [{ jobNumber: job!.number, amount: "10.00" }] };
    expect((await deliver(body, signXometryBody(JSON.stringify(body), "another-secret-entirely"))).status).toBe(401);
    expect((await deliver(body, "")).status).toBe(401);
    expect((await deliver(body, "zz")).status).toBe(401);
    expect(await payoutsOf(shop)).toBe(0);
  });

  it("rejects an invalid body with 400 and the reasons", async () => {
    const shop = await createTestShop();
    const notJson = await deliver("{not json");
    expect(notJson.status).toBe(400);
    const response = await deliver({ supplierId: shop.supplierId, payoutId: "X-1", paidAt: "2026-13-01", lines: [{ jobNumber: "J-1", amount: "1.234" }], extra: true });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { reasons: string[] };
    expect(body.reasons).toEqual(
      expect.arrayContaining([
        "payoutId: payoutId looks like P-12345",
        "paidAt: Enter a date as YYYY-MM-DD",
        "lines.0.amount: Enter an amount like 1250.00 (at most two decimals)",
      ]),
    );
    expect(body.reasons.some((reason) => reason.includes("extra"))).toBe(true);
    expect(await payoutsOf(shop)).toBe(0);
  });

  it("answers 422 for an unknown supplier, an unknown job, or another supplier's job", async () => {
    const acme = await createTestShop("Acme");
    const birch = await createTestShop("Birch");
    const [acmeJob] = await shippedJobs(acme, 1);
    const [birchJob] = await shippedJobs(birch, 1);
    const unknownSupplier = await deliver({ supplierId: "S-NOPE", payoutId: "P-1", paidAt: "2026-11-30", lines: [{ jobNumber: acmeJob!.number, amount: "1.00" }] });
    expect(unknownSupplier.status).toBe(422);
    const unknownJob = await deliver({ supplierId: acme.supplierId, payoutId: "P-2", paidAt: "2026-11-30", lines: [{ jobNumber: acmeJob!.number, amount: "1.00" }, { jobNumber: "J-000000", amount: "1.00" }] });
    expect(unknownJob.status).toBe(422);
    expect(((await unknownJob.json()) as { reasons: string[] }).reasons).toEqual(["lines: J-000000 is not a Xometry job of this supplier"]);
    const othersJob = await deliver({ supplierId: acme.supplierId, payoutId: "P-3", paidAt: "2026-11-30", lines: [{ jobNumber: birchJob!.number, amount: "1.00" }] });
    expect(othersJob.status).toBe(422);
    expect(await payoutsOf(acme)).toBe(0);
    expect(await payoutsOf(birch)).toBe(0);
  });

  it("stores the same payout once however often it is delivered, even concurrently", async () => {
    const shop = await createTestShop();
    const [job] = await shippedJobs(shop, 1);
    const body = { supplierId: shop.supplierId, payoutId: "P-7777", paidAt: "2026-11-30", lines: [{ jobNumber: job!.number, amount: "500.00" }] };
    const responses = await Promise.all([deliver(body), deliver(body), deliver(body)]);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    const statuses = await Promise.all(responses.map(async (response) => ((await response.json()) as { status: string }).status));
    expect(statuses.sort()).toEqual(["duplicate", "duplicate", "recorded"]);
    expect(await payoutsOf(shop)).toBe(1);
    expect(await db.domainEvent.count({ where: { organizationId: shop.organizationId, type: "payout.recorded" } })).toBe(1);
    const changed = await deliver({ ...body, lines: [{ jobNumber: job!.number, amount: "501.00" }] });
    expect(changed.status).toBe(409);
    expect(await payoutsOf(shop)).toBe(1);
  });
});
