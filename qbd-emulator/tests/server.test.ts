// startDesktopEmulator: the admin API (applications, update now, lists, faults, raw qbXML), the page, and the scheduler.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildRequest, startDesktopEmulator, type TRunningDesktopEmulator } from "../src/index";
import { buildQwc, startSoapService, type TSoapService } from "./soap-service";

let emulator: TRunningDesktopEmulator | undefined;
let service: TSoapService | undefined;
afterEach(async () => {
  await emulator?.close();
  await service?.close();
  emulator = undefined;
  service = undefined;
});

const invoiceAdd = (ref: string): string =>
  buildRequest({ InvoiceAddRq: { InvoiceAdd: { CustomerRef: { FullName: "Xometry" }, RefNumber: ref, InvoiceLineAdd: { ItemRef: { FullName: "Parts" }, Amount: "42.00" } } } });

async function call(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: Record<string, unknown> & unknown[] }> {
  const res = await fetch(`${emulator?.url}/__desktop${path}`, {
    method: init?.method ?? "GET",
    headers: { "content-type": "application/json" },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & unknown[] };
}

describe("Desktop emulator server", () => {
  it("adds a .qwc with its password, runs an update on request and lists what the company file holds", async () => {
    service = await startSoapService({ requests: [invoiceAdd("J-501")], authenticate: (_u, p) => ["t", p === "pw-1" ? "" : "nvu"] });
    emulator = await startDesktopEmulator({ schedule: false });
    const refused = await call("/apps", { method: "POST", body: { qwc: buildQwc({ appUrl: "http://example.com/qbwc" }), password: "pw-1" } });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe("QBWC1010");
    const added = await call("/apps", { method: "POST", body: { qwc: buildQwc({ appUrl: service.url }), password: "pw-1" } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ appName: "Workcenter", userName: "acme-desktop", runEverySeconds: 300 });
    const run = await call(`/apps/${String(added.body.id)}/run`, { method: "POST" });
    expect(run.body).toMatchObject({ requests: 1, errors: [], status: "OK" });
    const invoices = await call("/company/invoices");
    expect(invoices.body.map((i) => (i as { RefNumber: string }).RefNumber)).toEqual(["J-501"]);
    const state = await call("/state");
    expect((state.body.apps as { lastRun?: { requests: number } }[])[0]?.lastRun?.requests).toBe(1);
    const log = await call("/company/log");
    expect(log.body.map((e) => (e as { type: string }).type)).toEqual(["HostQueryRq", "CompanyQueryRq", "PreferencesQueryRq", "InvoiceAddRq"]);
  });

  it("a wrong password (changed through the API) ends in nvu", async () => {
    service = await startSoapService({ authenticate: (_u, p) => ["t", p === "right" ? "none" : "nvu"] });
    emulator = await startDesktopEmulator({ schedule: false });
    const added = await call("/apps", { method: "POST", body: { qwc: buildQwc({ appUrl: service.url }), password: "wrong" } });
    const id = String(added.body.id);
    expect((await call(`/apps/${id}/run`, { method: "POST" })).body.errors).toEqual(["Invalid user name or password."]);
    await call(`/apps/${id}/password`, { method: "POST", body: { password: "right" } });
    expect((await call(`/apps/${id}/run`, { method: "POST" })).body.errors).toEqual([]);
  });

  it("sets faults, answers raw qbXML, resets, and serves the page", async () => {
    emulator = await startDesktopEmulator({ schedule: false });
    const faults = await call("/faults", { method: "POST", body: { failNext: { requestType: "InvoiceAdd", statusCode: 3180 }, fileInUse: 2, delayMs: 5 } });
    expect(faults.body).toMatchObject({ fileInUse: 2, delayMs: 5, nextErrors: { InvoiceAdd: [{ statusCode: 3180 }] } });
    const raw = await fetch(`${emulator.url}/__desktop/qbxml`, { method: "POST", body: invoiceAdd("J-1") });
    expect(await raw.text()).toContain('statusCode="3180"');
    const bad = await fetch(`${emulator.url}/__desktop/qbxml`, { method: "POST", body: "<nope/>" });
    expect(bad.status).toBe(400);
    expect((await call("/faults", { method: "POST", body: { clear: true } })).body).toMatchObject({ fileInUse: 0, delayMs: 0 });
    await fetch(`${emulator.url}/__desktop/qbxml`, { method: "POST", body: invoiceAdd("J-2") });
    expect((await call("/company/invoices")).body).toHaveLength(1);
    await call("/reset", { method: "POST" });
    expect((await call("/company/invoices")).body).toHaveLength(0);
    const page = await fetch(`${emulator.url}/`);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("QuickBooks Desktop emulator: Acme Precision Machining");
  });

  it("remembers the applications and the company file across restarts", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "qbd-server-"));
    try {
      service = await startSoapService({ requests: [invoiceAdd("J-9")] });
      const files = { appsFile: path.join(dir, "apps.json"), stateFile: path.join(dir, "company.json"), schedule: false };
      emulator = await startDesktopEmulator(files);
      const added = await call("/apps", { method: "POST", body: { qwc: buildQwc({ appUrl: service.url }), password: "pw" } });
      await call(`/apps/${String(added.body.id)}/run`, { method: "POST" });
      await emulator.close();
      expect(statSync(files.appsFile).mode & 0o777).toBe(0o600);
      emulator = await startDesktopEmulator(files);
      const state = await call("/state");
      expect((state.body.apps as { id: string }[]).map((a) => a.id)).toEqual([added.body.id]);
      expect((await call("/company/invoices")).body.map((i) => (i as { RefNumber: string }).RefNumber)).toEqual(["J-9"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("polls each application on its .qwc schedule", async () => {
    service = await startSoapService({ authenticate: () => ["t", "none"] });
    emulator = await startDesktopEmulator({ schedule: true });
    await call("/apps", { method: "POST", body: { qwc: buildQwc({ appUrl: service.url, scheduler: "<Scheduler><RunEveryNSeconds>1</RunEveryNSeconds></Scheduler>" }), password: "p" } });
    await vi.waitFor(() => expect(service?.calls.filter((c) => c.method === "authenticate").length).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 100 });
  });
});
