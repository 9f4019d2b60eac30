import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/xometry/payouts/route";
import { db } from "@/lib/db/client";
import { BODY_LIMITS } from "@/lib/http/body";
import { WEBHOOK_REJECTIONS_PER_MINUTE } from "@/lib/http/signed-webhook";
import { signXometryBody } from "@/lib/payouts/xometry-webhook";
import { createTestAddress } from "../factories/people";
import { createTestShop, createXometryJob } from "../factories/shops";

const SECRET = process.env.XOMETRY_WEBHOOK_SECRET!;
const URL = "http://localhost/api/webhooks/xometry/payouts";
const LIMIT = BODY_LIMITS.webhook;

/** A body that counts how many bytes the server pulled from it. */
function countingStream(total: number, chunk = 64 * 1024) {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      const size = Math.min(chunk, total - pulled.bytes);
      pulled.bytes += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { stream, pulled };
}

function deliver(body: BodyInit, headers: Record<string, string>, address: string) {
  return POST(new Request(URL, { method: "POST", body, headers: { "x-forwarded-for": address, ...headers }, duplex: "half" } as RequestInit));
}

function signed(raw: string) {
  return { "content-type": "application/json", "x-xometry-signature": signXometryBody(raw, SECRET) };
}

async function payoutBody(payoutId: string) {
  const shop = await createTestShop();
  const job = await createXometryJob(shop, { status: "SHIPPED" });
  return JSON.stringify({ supplierId: shop.supplierId, payoutId, paidAt: "2026-11-30", lines: [{ jobNumber: job.number, amount: "10.00" }] });
}

describe("payout webhook: bounded body, signature first, per-source rate limit", () => {
  it("refuses a declared body over 1 MB with 413 before reading any of it", async () => {
    const { stream, pulled } = countingStream(30 * 1024 * 1024);
    const response = await deliver(stream, { "content-length": String(30 * 1024 * 1024) }, createTestAddress());
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    expect(await response.json()).toMatchObject({ error: "payload_too_large", reasons: [`body: at most ${LIMIT} bytes`] });
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("cuts off a body without a length as soon as it passes 1 MB", async () => {
    const { stream, pulled } = countingStream(30 * 1024 * 1024);
    const response = await deliver(stream, {}, createTestAddress());
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(LIMIT + 2 * 64 * 1024);
  });

  it("reads a body of exactly 1 MB and checks its signature (401 unsigned, 400 signed but not a payout)", async () => {
    const raw = " ".repeat(LIMIT - 2) + "{}";
    expect((await deliver(raw, { "x-xometry-signature": "0".repeat(64) }, createTestAddress())).status).toBe(401);
    const response = await deliver(raw, signed(raw), createTestAddress());
    expect(response.status).toBe(400);
  });

  it("answers 429 with Retry-After once a source has sent 30 refused deliveries in a minute, even a signed one, and never counts signed ones", async () => {
    const attacker = createTestAddress();
    const xometry = createTestAddress();
    for (let delivery = 0; delivery < WEBHOOK_REJECTIONS_PER_MINUTE.limit; delivery++) {
      expect((await deliver("{}", { "x-xometry-signature": "0".repeat(64) }, attacker)).status).toBe(401);
    }
    const raw = await payoutBody("P-7001");
    const limited = await deliver(raw, signed(raw), attacker);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ error: "rate_limited" });
    expect(await db.payout.count({ where: { externalId: "P-7001" } })).toBe(0);

    // Another source is not affected, and its signed deliveries never count towards its limit.
    for (let delivery = 0; delivery < WEBHOOK_REJECTIONS_PER_MINUTE.limit + 5; delivery++) {
      expect((await deliver(raw, signed(raw), xometry)).status).toBe(200);
    }
    expect(await db.payout.count({ where: { externalId: "P-7001" } })).toBe(1);

    // When the window has passed, the attacker's source may deliver again.
    await db.requestRateLimit.updateMany({ where: { key: { endsWith: attacker } }, data: { windowStart: new Date(Date.now() - 61_000) } });
    expect((await deliver(raw, signed(raw), attacker)).status).toBe(200);
  });
});
