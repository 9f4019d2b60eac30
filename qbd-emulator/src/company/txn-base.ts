// What every transaction has: ids, times, EditSequence and TxnNumber, when made and as written in a …Ret.
import type { TOutObject } from "../qbxml/build";
import type { TContext } from "./context";
import { formatDateTime, nextEditSequence, nextTxnID, nextTxnNumber } from "./ids";

type TTxnHead = { TxnID: string; TimeCreated: string; TimeModified: string; EditSequence: string; TxnNumber: number };

export function newTxnHead(ctx: TContext): TTxnHead {
  const at = formatDateTime(ctx.now);
  return { TxnID: nextTxnID(ctx.state, ctx.now), TimeCreated: at, TimeModified: at, EditSequence: nextEditSequence(ctx.state, ctx.now), TxnNumber: nextTxnNumber(ctx.state) };
}

export const renderTxnHead = (txn: TTxnHead): TOutObject => ({
  TxnID: txn.TxnID,
  TimeCreated: txn.TimeCreated,
  TimeModified: txn.TimeModified,
  EditSequence: txn.EditSequence,
  TxnNumber: txn.TxnNumber,
});
