// A tiny webhook receiver for the contract tests: checks intuit-signature, keeps every delivery, answers as told.
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { EmulatorOptions, RunningEmulator } from "../src/index";
import { admin, startTestEmulator } from "./helpers";

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: any;
  at: number;
  isSignatureValid: boolean;
}

export type Answer = number | "hang";

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Answers for the next deliveries, in order (an HTTP status, or "hang": no answer); 200 afterwards. */
  answerNext(...answers: Answer[]): void;
  /** Resolves once `predicate` holds for what was received (fails after `timeoutMs`). */
  waitFor(predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Every event received, as "Invoice:1:Void" (legacy) or "qbo.invoice.voided.v1:1" (CloudEvents). */
  events(): string[];
  reset(): void;
  close(): Promise<void>;
}

function verify(raw: string, signature: string | string[] | undefined, verifierToken: string): boolean {
  if (typeof signature !== "string") return false;
  const expected = createHmac("sha256", verifierToken).update(raw).digest();
  const got = Buffer.from(signature, "base64");
  return got.length === expected.length && timingSafeEqual(got, expected);
}

export function listEvents(r: ReceivedWebhook): string[] {
  if (Array.isArray(r.body)) return r.body.map((e: any) => `${e.type}:${e.intuitentityid}`);
  return r.body.eventNotifications.flatMap((n: any) => n.dataChangeEvent.entities.map((e: any) => `${e.name}:${e.id}:${e.operation}`));
}

export async function startWebhookReceiver(verifierToken: string): Promise<WebhookReceiver> {
  let answers: Answer[] = [];
  const hanging: http.ServerResponse[] = [];
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const isSignatureValid = verify(raw, req.headers["intuit-signature"], verifierToken);
      received.push({ headers: req.headers, raw, body: JSON.parse(raw), at: Date.now(), isSignatureValid });
      const answer = answers.shift() ?? 200;
      if (answer === "hang") hanging.push(res);
      else res.writeHead(isSignatureValid ? answer : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}/api/webhooks/quickbooks`,
    received,
    answerNext: (...next) => {
      answers = next;
    },
    waitFor: async (predicate, timeoutMs = 3000) => {
      const until = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > until) throw new Error(`webhooks received: ${JSON.stringify(receiver.events())}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    events: () => received.flatMap(listEvents),
    reset: () => {
      received.length = 0;
      answers = [];
      for (const res of hanging.splice(0)) res.destroy();
    },
    close: async () => {
      receiver.reset();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}

export type TWebhookContext = { emu: RunningEmulator; receiver: WebhookReceiver };

/**
 * One emulator and one receiver per file; before each test the companies are reset, the receiver forgets what it got,
 * the default app's webhook points at it (legacy format) and `afterReset` runs.
 */
export function useWebhookEmulator(
  verifierToken: string,
  options: EmulatorOptions,
  afterReset?: (context: TWebhookContext) => Promise<void>,
): TWebhookContext {
  const context = {} as TWebhookContext;
  beforeAll(async () => {
    context.receiver = await startWebhookReceiver(verifierToken);
    context.emu = await startTestEmulator(options);
  });
  afterAll(async () => {
    await context.emu.close();
    await context.receiver.close();
  });
  beforeEach(async () => {
    await admin(context.emu, "POST", "/reset");
    context.receiver.reset();
    await admin(context.emu, "POST", "/webhooks", { url: context.receiver.url, verifierToken });
    await afterReset?.(context);
  });
  return context;
}
