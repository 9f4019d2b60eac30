// qbXML status codes and their texts (reference §7.4; texts marked there as unconfirmed follow the same wording style).
import { QbStatusError } from "./errors";

export type TSeverity = "Info" | "Warn" | "Error";
export type TStatus = { statusCode: number; statusSeverity: TSeverity; statusMessage: string };

export const STATUS_OK: TStatus = { statusCode: 0, statusSeverity: "Info", statusMessage: "Status OK" };
export const STATUS_NO_MATCH: TStatus = {
  statusCode: 1,
  statusSeverity: "Info",
  statusMessage: "A query request did not find a matching object in QuickBooks",
};

export function statusNotAllFound(missing: string): TStatus {
  return {
    statusCode: 500,
    statusSeverity: "Warn",
    statusMessage: `The query request has not been fully completed. There was a required element ("${missing}") that could not be found in QuickBooks.`,
  };
}

export const tooLong = (value: string, field: string): QbStatusError =>
  new QbStatusError(3070, `The string "${value}" in the field "${field}" is too long.`);

export const nameInUse = (name: string): QbStatusError =>
  new QbStatusError(3100, `The name "${name}" of the list element is already in use.`);

export const notFound = (id: string): QbStatusError =>
  new QbStatusError(3120, `Object "${id}" specified in the request cannot be found.`);

export const invalidReference = (list: string, ref: string, document: string, reason = "The specified record does not exist in the list."): QbStatusError =>
  new QbStatusError(3140, `There is an invalid reference to QuickBooks ${list} "${ref}" in the ${document}. QuickBooks error message: Invalid argument. ${reason}`);

export const modifiedByAnotherUser = (list: string, name: string): QbStatusError =>
  new QbStatusError(3180, `There was an error when saving a ${list} list, element "${name}". QuickBooks error message: This list has been modified by another user.`);

export const editSequenceOutOfDate = (editSequence: string): QbStatusError =>
  new QbStatusError(3200, `The provided edit sequence "${editSequence}" is out-of-date.`);

export const invalidValue = (field: string, value: string, reason: string): QbStatusError =>
  new QbStatusError(3210, `The "${field}" field has an invalid value "${value}". QuickBooks error message: ${reason}`);

/** Default texts for a status code injected as a one-shot fault without a message. */
export function defaultMessageFor(code: number): string {
  switch (code) {
    case 3100:
      return nameInUse("…").message;
    case 3120:
      return notFound("…").message;
    case 3140:
      return invalidReference("Customer", "…", "request").message;
    case 3175:
      return "There was an error when modifying the record. QuickBooks error message: It is in use by another user. Please try again later.";
    case 3180:
      return modifiedByAnotherUser("Customer", "…").message;
    case 3200:
      return editSequenceOutOfDate("…").message;
    case 3210:
      return invalidValue("Amount", "…", "You cannot pay more than the amount due.").message;
    default:
      return `QuickBooks returned status ${code}.`;
  }
}
