/**
 * One error type for expected failures: `code` is stable (UPPER_SNAKE), `message` is for logs,
 * `userMessage` is plain words safe to show. Anything that is not an AppError is shown as a
 * generic message, never as its own text.
 */
export type TAppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHORIZED"
  | "INVALID_INPUT"
  | "INVALID_TRANSITION"
  | "CONFLICT"
  | "UNPROCESSABLE"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED";

const HTTP_STATUS: Record<TAppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHORIZED: 401,
  INVALID_INPUT: 400,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
};

export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly userMessage: string;
  readonly details?: string[];
  /** RATE_LIMITED: when to come back (the Retry-After header). */
  readonly retryAfterSeconds?: number;

  constructor(code: TAppErrorCode, userMessage: string, options?: { message?: string; details?: string[]; retryAfterSeconds?: number }) {
    super(options?.message ?? userMessage);
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.details = options?.details;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side. Please try again in a moment.";

export function toUserMessage(error: unknown): string {
  return error instanceof AppError ? error.userMessage : GENERIC_ERROR_MESSAGE;
}

export function notFound(what = "This page"): AppError {
  return new AppError("NOT_FOUND", `${what} was not found.`);
}

/** A browser request posted from another site (a forged form or server action). */
export function foreignOrigin(): AppError {
  return new AppError("FORBIDDEN", "This request did not come from Workcenter.");
}
