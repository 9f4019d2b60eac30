import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import type { TDesktopDocument } from "./types";

type TKind = QuickBooksSync["kind"];

// On globalThis: Next.js bundles instrumentation and routes apart, and both must see one registry.
const registry = globalThis as unknown as { workcenterDesktopDocuments?: Map<TKind, TDesktopDocument> };

/** Registered by the composition root (lib/features.ts, through the Desktop feature). */
export function registerDesktopDocument(kind: TKind, document: TDesktopDocument): void {
  registry.workcenterDesktopDocuments ??= new Map();
  if (registry.workcenterDesktopDocuments.has(kind)) throw new Error(`A Desktop document for ${kind} is already registered`);
  registry.workcenterDesktopDocuments.set(kind, document);
}

export function getDesktopDocument(kind: TKind): TDesktopDocument | undefined {
  return registry.workcenterDesktopDocuments?.get(kind);
}

/** Kinds with no Desktop document yet fail in words, once (never a loop). */
export const NOT_ON_DESKTOP_CODE = "NOT_ON_DESKTOP";
export function notOnDesktopMessage(kind: TKind): string {
  if (kind === "INVOICE_UPDATE" || kind === "INVOICE_VOID" || kind === "CREDIT_MEMO" || kind === "INVOICE_DIFFERENCE") {
    return "Changing an invoice already in QuickBooks Desktop is not available yet; change it in QuickBooks.";
  }
  if (kind === "INVOICE_EMAIL") return "Emailing an invoice from QuickBooks Desktop is not available yet; email it from QuickBooks.";
  return "This kind of document cannot be sent to QuickBooks Desktop yet; enter it in QuickBooks.";
}
