// Public entry point of the QuickBooks Desktop emulator: the company file, the Web Connector and the server.
export { createCompanyFile } from "./company/company-file";
export type { TCompanyAdmin, TCompanyFile, TCompanyFileOptions, TRequestLogEntry } from "./company/company-file";
export type { TDropMode, TFaults, TFaultState } from "./company/faults";
export { DEFAULT_COMPANY_NAME, DEFAULT_SEED } from "./company/seed";
export type { TSeed, TSeedAccount, TSeedItem } from "./company/seed";
export type { TAccount, TCustomer, TDeposit, TInvoice, TItem, TPayment } from "./company/types";
export { buildRequest } from "./qbxml/build";
export { PARSE_HRESULT, PARSE_MESSAGE, QbXmlProcessError } from "./qbxml/errors";
export { parseQwc, QwcError } from "./web-connector/qwc";
export type { TQwc } from "./web-connector/qwc";
export { SoapCallError } from "./web-connector/soap-client";
export type { TFetch } from "./web-connector/soap-client";
export { CANNOT_OPEN, CRASHED, DEFAULT_QBWC_VERSION, WebConnector } from "./web-connector/web-connector";
export type { TRunResult, TWebConnectorOptions } from "./web-connector/web-connector";
export { startDesktopEmulator } from "./server/start";
export type { TDesktopEmulatorOptions, TRunningDesktopEmulator } from "./server/start";
export type { TAppRun, TAppView } from "./server/apps";
