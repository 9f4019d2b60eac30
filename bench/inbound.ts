// npm run bench:inbound – a change made in QuickBooks (the emulator voids an invoice, as a bookkeeper
// would) → visible in Workcenter: p50/p95 over 200 changes with webhooks, and the worst case with
// every webhook lost (CDC catches up). Emulator latency log-normal, median 600 ms. Prints figures.
import http from "node:http";
import { BENCH_REALM, percentile, startBench } from "./setup";

const CHANGES = Number(process.env.BENCH_CHANGES ?? 200);
const LOST = Number(process.env.BENCH_LOST_CHANGES ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 3);
const CDC_INTERVAL_MS = Number(process.env.BENCH_CDC_INTERVAL_MS ?? 15_000);
const VERIFIER = "bench-verifier-token";

// The app's webhook endpoint, served in-process; `dropping` loses deliveries as a network would.
let dropping = false;
const { POST } = await import("../app/api/webhooks/quickbooks/route");
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    if (dropping) return void res.writeHead(200).end();
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])));
    void POST(new Request("http://localhost/api/webhooks/quickbooks", { method: "POST", headers, body: Buffer.concat(chunks) })).then(async (response) => { res.writeHead(response.status).end(await response.text()); });
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/`;

const { db, emulator, organization, actor, newJob, stop } = await startBench({}, { QBO_WEBHOOK_VERIFIER_TOKEN: VERIFIER, QBO_CDC_INTERVAL_MS: String(CDC_INTERVAL_MS) });
await fetch(`${emulator.url}/__emulator/webhooks`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ url: receiverUrl, verifierToken: VERIFIER, format: "cloudevents" }) });
const { startBackfill } = await import("../lib/invoicing/backfill");
const { startWorker } = await import("../lib/queue/worker");
const worker = await startWorker({ concurrency: 8 });

await Promise.all(Array.from({ length: CHANGES + LOST }, (_, index) => newJob(index, "SHIPPED")));
await startBackfill(actor);
const open = () => db.quickBooksSync.count({ where: { organizationId: organization.id, status: { not: "SYNCED" } } });
while ((await open()) > 0) await new Promise((resolve) => setTimeout(resolve, 250));
const invoices = await db.quickBooksSync.findMany({ where: { organizationId: organization.id }, select: { id: true, qboId: true } });
// The creations' own notifications first: the figures are for a company in its steady state.
const backlog = () => db.quickBooksInboundEvent.count({ where: { status: { in: ["PENDING", "PROCESSING"] } } });
while ((await backlog()) > 0) await new Promise((resolve) => setTimeout(resolve, 250));

/** Voids an invoice in QuickBooks' own screens (the emulator's company actions, outside the app's API budget); returns when. */
async function voidInQuickBooks(qboId: string): Promise<number> {
  const response = await fetch(`${emulator.url}/__emulator/realms/${BENCH_REALM}/invoices/${qboId}/void`, { method: "POST" });
  if (!response.ok) throw new Error(`void ${qboId}: ${response.status} ${await response.text()}`);
  return Date.now();
}

async function measure(rows: typeof invoices, label: string) {
  const changedAt = new Map<string, number>();
  const start = Date.now();
  for (const [index, row] of rows.entries()) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + index * (1000 / RATE) - Date.now())));
    changedAt.set(row.id, await voidInQuickBooks(row.qboId!));
  }
  const deadline = Date.now() + CDC_INTERVAL_MS * 3 + 60_000;
  const seen = () => db.quickBooksSync.findMany({ where: { id: { in: rows.map((row) => row.id) }, qboState: "VOIDED" }, select: { id: true, updatedAt: true } });
  let visible = await seen();
  while (visible.length < rows.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    visible = await seen();
  }
  const latencies = visible.map((row) => row.updatedAt.getTime() - changedAt.get(row.id)!);
  console.log(`${label}: ${visible.length}/${rows.length} visible; change→visible p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, max ${Math.max(...latencies)} ms`);
}

console.log(`Inbound: ${CHANGES} invoices voided in QuickBooks at ${RATE}/s; emulator latency log-normal, median 600 ms`);
await measure(invoices.slice(0, CHANGES), "  with webhooks");
dropping = true;
await measure(invoices.slice(CHANGES, CHANGES + LOST), `  every webhook lost (CDC every ${CDC_INTERVAL_MS / 1000} s)`);

await worker.stop();
receiver.close();
await stop();
process.exit(0);
