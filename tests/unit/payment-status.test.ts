import { describe, expect, it } from "vitest";
import { describePaymentStatus } from "@/lib/invoicing/payment-status";

const invoice = { status: "SYNCED", qboState: null as string | null, qboBalanceCents: null as number | null, qboTotalCents: 9440, qboDueDate: "2026-12-01" as string | null };

describe("an invoice's payment status", () => {
  it("is Paid, Partly paid ($X open) or not paid yet from what QuickBooks said last", () => {
    expect(describePaymentStatus({ ...invoice, qboState: "PAID", qboBalanceCents: 0 }, "2026-11-15")).toEqual({ kind: "paid", label: "Paid", openCents: 0 });
    expect(describePaymentStatus({ ...invoice, qboState: "PARTLY_PAID", qboBalanceCents: 5440 }, "2026-11-15")).toEqual({ kind: "partly_paid", label: "Partly paid ($54.40 open)", openCents: 5440 });
    expect(describePaymentStatus(invoice, "2026-11-15")).toEqual({ kind: "open", label: "Not paid yet", openCents: 9440 });
  });

  it("is Overdue from the day after the due date while a balance is open (calendar dates)", () => {
    expect(describePaymentStatus(invoice, "2026-12-01")?.kind).toBe("open");
    expect(describePaymentStatus(invoice, "2026-12-02")).toEqual({ kind: "overdue", label: "Overdue", openCents: 9440 });
    expect(describePaymentStatus({ ...invoice, qboState: "PARTLY_PAID", qboBalanceCents: 440 }, "2027-01-10")).toEqual({ kind: "overdue", label: "Overdue ($4.40 open)", openCents: 440 });
    expect(describePaymentStatus({ ...invoice, qboState: "PAID", qboBalanceCents: 0 }, "2027-01-10")?.kind).toBe("paid");
    expect(describePaymentStatus({ ...invoice, qboDueDate: null }, "2099-01-01")?.kind).toBe("open");
  });

  it("says nothing of an invoice not in QuickBooks, or voided or deleted there", () => {
    expect(describePaymentStatus({ ...invoice, status: "PENDING" })).toBeNull();
    expect(describePaymentStatus({ ...invoice, qboState: "VOIDED", qboBalanceCents: 0 })).toBeNull();
    expect(describePaymentStatus({ ...invoice, qboState: "DELETED" })).toBeNull();
  });
});
