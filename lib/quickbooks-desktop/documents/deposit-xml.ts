import { z } from "zod";
import { buildDepositMarker, type TDepositLine, type TDepositPayload } from "@/lib/payouts/deposit-payload";
import { toQbAmount } from "../qbxml/amounts";
import type { TXmlObject } from "../qbxml/xml";
import { oneDay } from "./marker";

/**
 * DepositAdd into the bank account: a line per payment (PaymentTxnID: the whole payment leaves
 * Undeposited Funds) and a line per deduction or adjustment on its account with its signed
 * Amount (deductions negative), our marker in Memo.
 */
export function buildDepositAdd(lines: TDepositLine[], payload: TDepositPayload, syncId: string): TXmlObject {
  return {
    DepositAdd: {
      TxnDate: payload.txnDate,
      DepositToAccountRef: { ListID: payload.bankAccountId ?? "" },
      Memo: `Workcenter payout ${payload.payoutNumber} · ${buildDepositMarker(syncId)}`,
      DepositLineAdd: lines.map((line) =>
        line.kind === "payment" ? { PaymentTxnID: line.qboId } : { AccountRef: { ListID: line.accountId ?? "" }, Memo: line.description, Amount: toQbAmount(line.amountCents) },
      ),
    },
  };
}

/** The deposits of the payout's day (ours is told by the marker in its Memo). */
export function buildDepositLookup(payload: TDepositPayload): TXmlObject {
  return { TxnDateRangeFilter: oneDay(payload.txnDate), IncludeLineItems: "false" };
}

export const ZDepositRetSchema = z.object({ TxnID: z.string().min(1), TxnDate: z.string(), DepositTotal: z.string(), Memo: z.string().optional() });
