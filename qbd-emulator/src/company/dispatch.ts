// One qbXML request document → its response: the message set's onError rule, requestID echo, one-shot faults.
import { buildResponse, type TRs } from "../qbxml/build";
import { QbStatusError, QbXmlProcessError } from "../qbxml/errors";
import { defaultMessageFor, STATUS_OK } from "../qbxml/status";
import { child, parseQbXml } from "../qbxml/tree";
import type { TContext, THandler } from "./context";
import { depositAdd, depositQuery } from "./deposits";
import type { TFaults } from "./faults";
import { companyQuery, hostQuery, preferencesQuery, SUPPORTED_QBXML_VERSIONS } from "./host";
import { invoiceAdd, invoiceQuery } from "./invoices";
import { accountQuery, customerAdd, customerQuery, itemQuery } from "./lists";
import { receivePaymentAdd, receivePaymentQuery } from "./payments";

export const HANDLERS: Record<string, THandler> = {
  HostQueryRq: hostQuery,
  CompanyQueryRq: companyQuery,
  PreferencesQueryRq: preferencesQuery,
  CustomerQueryRq: customerQuery,
  CustomerAddRq: customerAdd,
  ItemQueryRq: itemQuery,
  AccountQueryRq: accountQuery,
  InvoiceAddRq: invoiceAdd,
  InvoiceQueryRq: invoiceQuery,
  ReceivePaymentAddRq: receivePaymentAdd,
  ReceivePaymentQueryRq: receivePaymentQuery,
  DepositAddRq: depositAdd,
  DepositQueryRq: depositQuery,
};

const ON_ERROR = ["stopOnError", "continueOnError", "rollbackOnError"];

export type TLoggedRequest = { type: string; requestID?: string; statusCode: number; statusMessage: string };
export type TProcessed = { xml: string; appliedTypes: string[]; log: TLoggedRequest[] };

export function processRequest(xml: string, ctx: TContext, faults: TFaults): TProcessed {
  const { version, root } = parseQbXml(xml);
  if (!SUPPORTED_QBXML_VERSIONS.includes(version)) throw QbXmlProcessError.parse(`qbXML version ${version} is not supported (1.0–16.0)`);
  const msgs = child(root, "QBXMLMsgsRq");
  if (!msgs) throw QbXmlProcessError.parse("QBXMLMsgsRq is missing");
  const onError = msgs.attrs.onError;
  if (!onError || !ON_ERROR.includes(onError)) throw QbXmlProcessError.parse("QBXMLMsgsRq needs onError (stopOnError, continueOnError or rollbackOnError)");
  for (const rq of msgs.children) {
    if (!HANDLERS[rq.name]) throw QbXmlProcessError.parse(`<${rq.name}> is not a request the emulator supports`);
  }
  // QuickBooks checks the whole document before it applies anything, so a request that turns out malformed after
  // earlier ones ran must leave the file as it was.
  const before = onError === "rollbackOnError" || msgs.children.length > 1 ? structuredClone(ctx.state) : undefined;
  const responses: TRs[] = [];
  const appliedTypes: string[] = [];
  const log: TLoggedRequest[] = [];
  for (const rq of msgs.children) {
    const name = rq.name.replace(/Rq$/, "Rs");
    const requestID = rq.attrs.requestID;
    const injected = faults.takeError(rq.name);
    let rs: TRs;
    if (injected) {
      const message = injected.statusMessage ?? defaultMessageFor(injected.statusCode);
      rs = { name, requestID, status: { statusCode: injected.statusCode, statusSeverity: "Error", statusMessage: message } };
    } else {
      try {
        const result = (HANDLERS[rq.name] as THandler)(rq, ctx);
        rs = { name, requestID, status: result.status ?? STATUS_OK, attrs: result.attrs, body: result.body };
        if (result.changed) appliedTypes.push(rq.name);
      } catch (error) {
        if (error instanceof QbXmlProcessError && before) Object.assign(ctx.state, before);
        if (!(error instanceof QbStatusError)) throw error;
        rs = { name, requestID, status: { statusCode: error.statusCode, statusSeverity: "Error", statusMessage: error.message } };
      }
    }
    responses.push(rs);
    log.push({ type: rq.name, requestID, statusCode: rs.status.statusCode, statusMessage: rs.status.statusMessage });
    if (rs.status.statusSeverity === "Error" && onError !== "continueOnError") {
      if (before && onError === "rollbackOnError") {
        Object.assign(ctx.state, before);
        appliedTypes.length = 0;
      }
      break;
    }
  }
  return { xml: buildResponse(responses), appliedTypes, log };
}
