import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { getClientAddress } from "@/lib/security/client-address";
import { ensureCan, type TActor, type TPermission } from "./permissions";
import { findSessionContext, SESSION_COOKIE, type TSessionContext } from "./sessions";
import type { TSignInClient } from "./sign-in-events";

export async function getSessionContext(): Promise<TSessionContext | null> {
  const store = await cookies();
  return findSessionContext(store.get(SESSION_COOKIE)?.value);
}

/** For pages: the signed-in member, or a redirect to sign-in. */
export async function requirePageSession(): Promise<TSessionContext> {
  const context = await getSessionContext();
  if (!context) redirect("/login");
  return context;
}

/** For server actions and route handlers: the actor, checked for the permission. */
export async function requireActor(permission?: TPermission): Promise<TActor & TSessionContext> {
  const context = await getSessionContext();
  if (!context) throw new AppError("UNAUTHORIZED", "Your session has ended. Please sign in again.");
  if (permission) ensureCan(context, permission);
  return context;
}

/** Where the current request comes from, as the request gate resolved it (scripts/serve.ts). */
export async function getRequestClient(): Promise<TSignInClient> {
  const list = await headers();
  return { address: getClientAddress(list), userAgent: list.get("user-agent") };
}
