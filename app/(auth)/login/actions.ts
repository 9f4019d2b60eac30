"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { sessionCookieOptions } from "@/lib/auth/cookie";
import { SESSION_COOKIE, signIn, signOut } from "@/lib/auth/sessions";
import { formatIssues } from "@/lib/validation";

const ZSignInRequestSchema = z.object({
  email: z.string().trim().email("Enter your email address").max(200),
  password: z.string().min(1, "Enter your password").max(200),
});

export type TSignInState = { message?: string; fieldErrors?: Record<string, string>; email?: string };

export async function signInAction(_previous: TSignInState, formData: FormData): Promise<TSignInState> {
  const parsed = ZSignInRequestSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  const email = String(formData.get("email") ?? "");
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(formatIssues(parsed.error).map((issue) => issue.split(": ") as [string, string]));
    return { fieldErrors, email };
  }
  const session = await signIn(parsed.data.email, parsed.data.password);
  if (!session) return { message: "That email and password do not match an account.", email };
  const store = await cookies();
  store.set({ ...sessionCookieOptions(session.expiresAt), value: session.token });
  redirect("/jobs");
}

export async function signOutAction(): Promise<void> {
  const store = await cookies();
  const token = store.get(SESSION_COOKIE)?.value;
  if (token) await signOut(token);
  store.delete(SESSION_COOKIE);
  redirect("/login");
}
