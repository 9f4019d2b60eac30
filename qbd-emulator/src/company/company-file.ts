// createCompanyFile(): an in-memory QuickBooks Desktop company file answering qbXML, with an admin view and faults.
import type { TContext, TIterator } from "./context";
import { processRequest, type TLoggedRequest } from "./dispatch";
import { createFaults, type TFaults } from "./faults";
import { CompanyPersistence } from "./persistence";
import { buildCompanyState, type TSeed } from "./seed";
import type { TAccount, TCompanyState, TCustomer, TDeposit, TInvoice, TItem, TPayment } from "./types";

export type TCompanyFileOptions = {
  /** Replaces parts of the default seed (customers, items, accounts). */
  seed?: TSeed;
  companyName?: string;
  /** JSON file: loaded when present, written after every change. */
  stateFile?: string;
  /** The clock (tests pin it). */
  now?: () => Date;
};

export type TRequestLogEntry = TLoggedRequest & { at: string };

export type TCompanyAdmin = {
  companyName(): string;
  /** The company file's path as the Web Connector reports it (strCompanyFileName). */
  fileName(): string;
  customers(): TCustomer[];
  items(): TItem[];
  accounts(): TAccount[];
  invoices(): TInvoice[];
  payments(): TPayment[];
  deposits(): TDeposit[];
  /** The last 200 requests, newest last. */
  requestLog(): TRequestLogEntry[];
  /** Back to the seed (faults are cleared too). */
  reset(): void;
};

export type TCompanyFile = {
  /** One qbXML request document → its qbXML response. Throws QbXmlProcessError (an HRESULT) for a request QuickBooks cannot parse. */
  process(qbxmlRequest: string): string;
  /** Like process, plus the request types that changed the file (what the Web Connector's drop fault looks at). */
  processWithChanges(qbxmlRequest: string): { xml: string; appliedTypes: string[] };
  admin: TCompanyAdmin;
  faults: TFaults;
  /** Writes the state file now (when there is one). */
  flush(): void;
};

const LOG_SIZE = 200;

export function createCompanyFile(options: TCompanyFileOptions = {}): TCompanyFile {
  const now = options.now ?? (() => new Date());
  const persistence = options.stateFile ? new CompanyPersistence(options.stateFile) : undefined;
  const fresh = (): TCompanyState => buildCompanyState({ companyName: options.companyName, seed: options.seed, now: now() });
  const state: TCompanyState = persistence?.load() ?? fresh();
  const iterators = new Map<string, TIterator>();
  const faults = createFaults();
  const log: TRequestLogEntry[] = [];
  const copy = <T>(value: T): T => structuredClone(value);

  const processWithChanges = (xml: string): { xml: string; appliedTypes: string[] } => {
    const ctx: TContext = { state, now: now(), iterators };
    const processed = processRequest(xml, ctx, faults);
    const at = ctx.now.toISOString();
    log.push(...processed.log.map((entry) => ({ ...entry, at })));
    log.splice(0, Math.max(0, log.length - LOG_SIZE));
    if (processed.appliedTypes.length > 0) persistence?.scheduleSave(() => state);
    return { xml: processed.xml, appliedTypes: processed.appliedTypes };
  };

  return {
    process: (xml) => processWithChanges(xml).xml,
    processWithChanges,
    faults,
    flush: () => persistence?.flush(),
    admin: {
      companyName: () => state.companyName,
      fileName: () => state.fileName,
      customers: () => copy(state.customers),
      items: () => copy(state.items),
      accounts: () => copy(state.accounts),
      invoices: () => copy(state.invoices),
      payments: () => copy(state.payments),
      deposits: () => copy(state.deposits),
      requestLog: () => copy(log),
      reset: () => {
        Object.assign(state, fresh());
        iterators.clear();
        faults.clear();
        log.length = 0;
        persistence?.scheduleSave(() => state);
      },
    },
  };
}
