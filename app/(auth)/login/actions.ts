"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { sessionCookieOptions } from "@/lib/auth/cookie";
import { getRequestClient, getSessionContext } from "@/lib/auth/current";
import { SESSION_COOKIE, signOut, signOutEverywhere } from "@/lib/auth/sessions";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { recordSignInEvent } from "@/lib/auth/sign-in-events";
import { describeRetryIn } from "@/lib/auth/throttle-policy";
import { formatIssues } from "@/lib/validation";

const ZSignInRequestSchema = z.object({
  email: z.string().trim().email("Enter your email address").max(200),
  password: z.string().min(1, "Enter your password").max(200),
});

export type TSignInState = { message?: string; fieldErrors?: Record<string, string>; email?: string };

const THROTTLED_MESSAGES = {
  ACCOUNT: "Too many failed sign-ins for this account.",
  ADDRESS: "Too many failed sign-ins from your network.",
} as const;

export async function signInAction(_previous: TSignInState, formData: FormData): Promise<TSignInState> {
  const parsed = ZSignInRequestSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  const email = String(formData.get("email") ?? "").slice(0, 200);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(formatIssues(parsed.error).map((issue) => issue.split(": ") as [string, string]));
    return { fieldErrors, email };
  }
  const store = await cookies();
  const result = await attemptSignIn({ ...parsed.data, client: await getRequestClient(), previousToken: store.get(SESSION_COOKIE)?.value });
  if (!result.ok && result.reason === "throttled") {
    return { message: `${THROTTLED_MESSAGES[result.scope]} For your security, try again ${describeRetryIn(result.retryAt)}.`, email };
  }
  if (!result.ok) {
    const wait = result.retryAt ? ` Too many failed attempts: try again ${describeRetryIn(result.retryAt)}.` : "";
    return { message: `That email and password do not match an account.${wait}`, email };
  }
  store.set({ ...sessionCookieOptions(result.expiresAt), value: result.token });
  redirect("/jobs");
}

export async function signOutAction(): Promise<void> {
  const store = await cookies();
  const token = store.get(SESSION_COOKIE)?.value;
  if (token) await signOut(token);
  store.delete(SESSION_COOKIE);
  redirect("/login");
}

/** Ends every session of the signed-in person (other browsers, other devices) and this one. */
export async function signOutEverywhereAction(): Promise<void> {
  const session = await getSessionContext();
  if (session) {
    await signOutEverywhere(session.userId);
    await recordSignInEvent({ kind: "SIGNED_OUT_EVERYWHERE", email: session.email, userId: session.userId, ...(await getRequestClient()) });
  }
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/login?signed-out=everywhere");
}
