import { NextResponse } from "next/server";
import { AppError, foreignOrigin, GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { getLogger } from "@/lib/logger";

const log = getLogger("route");

/** Browser form posts must come from our own origin (cookies are SameSite=Lax too). */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const appUrl = process.env.APP_URL;
  return origin === new URL(request.url).origin || (!!appUrl && origin === new URL(appUrl).origin);
}

/** An expected failure in plain words. A refused body also closes the connection, so no more of it is read. */
function appErrorResponse(error: AppError): NextResponse {
  const headers = new Headers();
  if (error.code === "PAYLOAD_TOO_LARGE") headers.set("connection", "close");
  if (error.retryAfterSeconds !== undefined) headers.set("retry-after", String(error.retryAfterSeconds));
  return NextResponse.json({ error: error.code.toLowerCase(), message: error.userMessage, reasons: error.details ?? [] }, { status: error.httpStatus, headers });
}

export function errorResponse(error: unknown, logMessage = "route failed"): NextResponse {
  if (error instanceof AppError) return appErrorResponse(error);
  log.error({ err: error }, logMessage);
  return NextResponse.json({ error: "internal_error", message: GENERIC_ERROR_MESSAGE }, { status: 500 });
}

/** Refuses a browser request posted from another site (cookies are SameSite=Lax too). */
export function ensureSameOrigin(request: Request): void {
  if (!isSameOrigin(request)) throw foreignOrigin();
}

/** 303 back to a page of ours after a form post (absolute URL from APP_URL). */
export function redirectTo(path: string, request: Request): NextResponse {
  const base = process.env.APP_URL ?? new URL(request.url).origin;
  return NextResponse.redirect(new URL(path, base), 303);
}
