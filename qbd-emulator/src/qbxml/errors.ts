// The two ways a qbXML request fails: the whole request (an HRESULT from ProcessRequest, as COM raises it) or
// one …Rq inside it (a status code on its …Rs).

export const PARSE_HRESULT = "0x80040400";
export const PARSE_MESSAGE = "QuickBooks found an error when parsing the provided XML text stream.";

/** ProcessRequest itself failed: the Web Connector passes `hresult` and `message` to receiveResponseXML with no response. */
export class QbXmlProcessError extends Error {
  constructor(
    readonly hresult: string,
    message: string,
    /** What the emulator found wrong (not part of QuickBooks' message; shown in the admin log). */
    readonly detail?: string,
  ) {
    super(message);
    this.name = "QbXmlProcessError";
  }

  static parse(detail: string): QbXmlProcessError {
    return new QbXmlProcessError(PARSE_HRESULT, PARSE_MESSAGE, detail);
  }
}

/** One request failed with a qbXML status code (statusSeverity "Error"). */
export class QbStatusError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = "QbStatusError";
  }
}
