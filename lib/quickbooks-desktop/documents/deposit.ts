import { buildDepositMarker, ZDepositPayloadSchema, type TDepositPayload } from "@/lib/payouts/deposit-payload";
import { checkDepositAccounts } from "@/lib/payouts/deposit-accounts";
import { buildDepositOutcome, planDeposit } from "@/lib/payouts/push-deposit";
import type { QuickBooksSync } from "@/lib/generated/prisma/client";
import { createDesktopSetupApi } from "../lists/setup-api";
import { qbAmountToCents } from "../qbxml/amounts";
import { readRets } from "../qbxml/xml";
import { buildDepositAdd, buildDepositLookup, ZDepositRetSchema } from "./deposit-xml";
import { findMarked } from "./marker";
import type { TDesktopDocument, TDesktopStep } from "./types";

/** The accounts checked against the company file's lists (as of their last read), then DepositAdd. */
async function addDeposit(sync: QuickBooksSync, payload: TDepositPayload): Promise<TDesktopStep> {
  const planned = await planDeposit(sync, payload);
  if (!("lines" in planned)) return { outcome: planned };
  const problems = await checkDepositAccounts(createDesktopSetupApi(sync.organizationId), payload);
  if (problems.length) return { outcome: { kind: "failed", code: "NEEDS_ATTENTION", message: `Needs attention, the deposit was not made: ${problems.join(" ")}` } };
  return { request: { purpose: "deposit.add", name: "DepositAddRq", body: buildDepositAdd(planned.lines, payload, sync.id) } };
}

/**
 * A payout's deposit on QuickBooks Desktop, with the Online rules (waits for the payments, must
 * equal what reached the bank): DepositAdd; after an Add whose answer was never seen, the day's
 * deposits are looked up by marker first and ours adopted.
 */
export const desktopDeposit: TDesktopDocument = {
  async start(sync, { mayHaveSent }) {
    const payload = ZDepositPayloadSchema.parse(sync.payload);
    if (mayHaveSent) return { request: { purpose: "deposit.lookup", name: "DepositQueryRq", body: buildDepositLookup(payload) } };
    return addDeposit(sync, payload);
  },
  async receive(sync, { purpose, response }) {
    const payload = ZDepositPayloadSchema.parse(sync.payload);
    const deposits = readRets(response, "DepositRet", ZDepositRetSchema);
    const deposit = purpose === "deposit.lookup" ? findMarked(deposits, buildDepositMarker(sync.id)) : deposits[0];
    if (!deposit) {
      if (purpose === "deposit.lookup") return addDeposit(sync, payload);
      throw new Error("DepositAddRs without a DepositRet");
    }
    const planned = await planDeposit(sync, payload);
    const lines = "lines" in planned ? planned.lines : [];
    return { outcome: buildDepositOutcome({ qboId: deposit.TxnID, docNumber: null, txnDate: deposit.TxnDate, totalCents: qbAmountToCents(deposit.DepositTotal) }, payload, lines) };
  },
};
