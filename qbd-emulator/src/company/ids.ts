// ListIDs ("80000001-1764609266"), TxnIDs ("1A-1764609266"), TxnLineIDs, EditSequences and qbXML date-times.
import type { TCompanyState } from "./types";

const epochSeconds = (now: Date): number => Math.floor(now.getTime() / 1000);

export function nextListID(state: TCompanyState, now: Date): string {
  state.counters.list += 1;
  return `${state.counters.list.toString(16).toUpperCase()}-${epochSeconds(now)}`;
}

export function nextTxnID(state: TCompanyState, now: Date): string {
  state.counters.txn += 1;
  return `${state.counters.txn.toString(16).toUpperCase()}-${epochSeconds(now)}`;
}

export function nextTxnLineID(state: TCompanyState, now: Date): string {
  state.counters.line += 1;
  return `${state.counters.line.toString(16).toUpperCase()}-${epochSeconds(now)}`;
}

export function nextTxnNumber(state: TCompanyState): number {
  state.counters.txnNumber += 1;
  return state.counters.txnNumber;
}

/** Seconds since the epoch, strictly increasing across the file, so every change gets a new one. */
export function nextEditSequence(state: TCompanyState, now: Date): string {
  state.counters.editSequence = Math.max(state.counters.editSequence + 1, epochSeconds(now));
  return String(state.counters.editSequence);
}

/** qbXML DATETIMETYPE, e.g. 2026-12-01T16:54:26+00:00. */
export function formatDateTime(now: Date): string {
  return `${now.toISOString().slice(0, 19)}+00:00`;
}

/** qbXML DATETYPE (YYYY-MM-DD) of the moment in UTC. */
export function formatDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}
