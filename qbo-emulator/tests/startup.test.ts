// Start-up: the state file survives a restart (companies and connections), and `npm run emulator`'s CLI serves.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ACME, buildInvoiceBody, callQbo, createQbo, mustQbo, startTestEmulator } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "qbo-emulator-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("state file", () => {
  it("persists companies and grants across a restart", async () => {
    const stateFile = join(dir, "nested", "state.json");
    const first = await startTestEmulator({ stateFile });
    const tokens = first.issueTokens(ACME);
    const qbo = createQbo(first, ACME, tokens.access_token);
    const inv = await mustQbo(qbo, "createInvoice", buildInvoiceBody("1", 321));
    await first.close();
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(stateFile, "utf8")).toContain('"version":1');

    const second = await startTestEmulator({ stateFile });
    try {
      const again = createQbo(second, ACME, tokens.access_token);
      const read = await mustQbo(again, "getInvoice", inv.Id);
      expect(read.TotalAmt).toBe(321);
      const next = await mustQbo(again, "createInvoice", buildInvoiceBody("1", 1));
      expect(Number(next.Id)).toBeGreaterThan(Number(inv.Id));
      expect(Number(next.DocNumber)).toBe(Number(inv.DocNumber) + 1);
    } finally {
      await second.close();
    }
  });

  it("reset restores the seed in the state file too", async () => {
    const stateFile = join(dir, "reset.json");
    const emu = await startTestEmulator({ stateFile });
    const qbo = createQbo(emu, ACME, emu.issueTokens(ACME).access_token);
    await mustQbo(qbo, "createCustomer", { DisplayName: "Will Be Reset" });
    emu.reset();
    await emu.close();
    const reopened = await startTestEmulator({ stateFile });
    try {
      const q = createQbo(reopened, ACME, reopened.issueTokens(ACME).access_token);
      const found = await callQbo(q, "findCustomers", { DisplayName: "Will Be Reset" });
      expect(found.data.QueryResponse).toEqual({});
    } finally {
      await reopened.close();
    }
  });
});

describe("corrupt state file", () => {
  it("is moved aside and the seed is used", async () => {
    const stateFile = join(dir, "corrupt.json");
    writeFileSync(stateFile, "{ not json");
    const emu = await startTestEmulator({ stateFile });
    try {
      const { realms } = await (await fetch(`${emu.url}/__emulator/realms`)).json();
      expect(realms).toHaveLength(2);
      expect(readdirSync(dir).some((f) => f.startsWith("corrupt.json.corrupt-"))).toBe(true);
    } finally {
      await emu.close();
    }
  });
});

describe("CLI (npm run emulator)", () => {
  it("starts on EMULATOR_PORT, prints its URL and serves the admin API and UI", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "..", "src", "main.ts")], {
      env: { ...process.env, EMULATOR_PORT: "0", EMULATOR_REDIRECT_URIS: "http://localhost:3999/cb" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.on("exit", (code) => reject(new Error(`emulator exited ${code}: ${out}`)));
      });
      const health = await fetch(`${url}/__emulator/health`);
      expect(await health.json()).toEqual({ ok: true });
      const page = await fetch(`${url}/app`);
      expect(await page.text()).toContain("Acme Precision Machining");
      const authorize = await fetch(`${url}/connect/oauth2?client_id=workcenter-emulator-client&redirect_uri=${encodeURIComponent("http://localhost:3999/cb")}&response_type=code&scope=com.intuit.quickbooks.accounting&state=x`);
      expect(authorize.status).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
  });
});
