import { NextResponse } from "next/server";
import { AppError, GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { getLogger } from "@/lib/logger";

const log = getLogger("route");

/** Browser form posts must come from our own origin (cookies are SameSite=Lax too). */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const appUrl = process.env.APP_URL;
  return origin === new URL(request.url).origin || (!!appUrl && origin === new URL(appUrl).origin);
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json({ error: error.code.toLowerCase(), message: error.userMessage, reasons: error.details ?? [] }, { status: error.httpStatus });
  }
  log.error({ err: error }, "route failed");
  return NextResponse.json({ error: "internal_error", message: GENERIC_ERROR_MESSAGE }, { status: 500 });
}

/** 303 back to a page of ours after a form post (absolute URL from APP_URL). */
export function redirectTo(path: string, request: Request): NextResponse {
  const base = process.env.APP_URL ?? new URL(request.url).origin;
  return NextResponse.redirect(new URL(path, base), 303);
}
