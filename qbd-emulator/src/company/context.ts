// What every request handler gets and returns.
import type { TOutObject } from "../qbxml/build";
import type { TStatus } from "../qbxml/status";
import type { TNode } from "../qbxml/tree";
import type { TCompanyState } from "./types";

export type TIterator = { requestType: string; remaining: { name: string; ret: TOutObject }[] };

export type TContext = { state: TCompanyState; now: Date; iterators: Map<string, TIterator> };

export type THandlerResult = {
  status?: TStatus;
  /** The …Rs content in order, e.g. { InvoiceRet: {...} } or { CustomerRet: [...] }. */
  body?: TOutObject;
  attrs?: Record<string, string | number>;
  /** True when the request changed the company file. */
  changed?: boolean;
};

export type THandler = (rq: TNode, ctx: TContext) => THandlerResult;
