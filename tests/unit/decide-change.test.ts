import { describe, expect, it } from "vitest";
import { decideInvoiceChange } from "@/lib/changes/decide-change";
import type { TInvoiceChangeState } from "@/lib/changes/invoice-change-state";
import type { Job, QuickBooksConnection, QuickBooksSync } from "@/lib/generated/prisma/client";

function stateOf(overrides: { job?: Partial<Job>; invoice?: Partial<QuickBooksSync>; isPaid?: boolean; billedCents?: number; inFlight?: boolean; realmId?: string }): TInvoiceChangeState {
  return {
    job: { number: "J-1", source: "XOMETRY", status: "ACCEPTED", priceCents: 110_000, ...overrides.job } as Job,
    invoice: { status: "SYNCED", qboId: "41", qboState: "OPEN", realmId: "R1", ...overrides.invoice } as QuickBooksSync,
    changes: [],
    connection: { realmId: overrides.realmId ?? "R1" } as QuickBooksConnection,
    billedCents: overrides.billedCents ?? 125_000,
    isPaid: overrides.isPaid ?? false,
    inFlight: overrides.inFlight ? ({ id: "c1" } as QuickBooksSync) : null,
  };
}

describe("the decision a job's invoice waits for", () => {
  it("updates an unpaid invoice to the new price, up or down", () => {
    expect(decideInvoiceChange(stateOf({}))).toMatchObject({ reason: "repriced", action: "update", fromCents: 125_000, toCents: 110_000, amountCents: 110_000, blockedReason: null });
    expect(decideInvoiceChange(stateOf({ job: { priceCents: 140_000 } }))).toMatchObject({ action: "update", toCents: 140_000 });
  });

  it("never edits a paid invoice: credits a decrease, invoices an increase", () => {
    expect(decideInvoiceChange(stateOf({ isPaid: true }))).toMatchObject({ action: "credit", amountCents: 15_000 });
    expect(decideInvoiceChange(stateOf({ isPaid: true, job: { priceCents: 140_000 } }))).toMatchObject({ action: "difference", amountCents: 15_000 });
  });

  it("voids a cancelled job's unpaid invoice, and offers to credit a paid one's whole amount", () => {
    expect(decideInvoiceChange(stateOf({ job: { status: "CANCELLED" } }))).toMatchObject({ reason: "cancelled", action: "void", toCents: 0 });
    const paid = decideInvoiceChange(stateOf({ job: { status: "CANCELLED" }, isPaid: true }));
    expect(paid).toMatchObject({ action: "credit", amountCents: 125_000 });
    expect(paid!.explanation).toContain("cannot be voided");
    expect(decideInvoiceChange(stateOf({ job: { status: "CANCELLED" }, billedCents: 0 }))).toBeNull();
  });

  it("asks nothing while they agree, while a change is on its way, for a voided, deleted or unsent invoice, or for in-house jobs", () => {
    expect(decideInvoiceChange(stateOf({ billedCents: 110_000 }))).toBeNull();
    expect(decideInvoiceChange(stateOf({ inFlight: true }))).toBeNull();
    expect(decideInvoiceChange(stateOf({ invoice: { qboState: "VOIDED" } }))).toBeNull();
    expect(decideInvoiceChange(stateOf({ invoice: { qboState: "DELETED" } }))).toBeNull();
    expect(decideInvoiceChange(stateOf({ invoice: { status: "FAILED", qboId: null } }))).toBeNull();
    expect(decideInvoiceChange(stateOf({ job: { source: "IN_HOUSE" } }))).toBeNull();
  });

  it("says why nothing can be sent when the invoice is in the company the shop used before", () => {
    expect(decideInvoiceChange(stateOf({ realmId: "R2" }))!.blockedReason).toMatch(/company the shop used before/);
  });
});
