"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, FormMessage, TextInput } from "@/components/ui/form";
import { signInAction, type TSignInState } from "./actions";

export function SignInForm() {
  const [state, action, isPending] = useActionState<TSignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage result={state.message ? { ok: false, message: state.message } : null} />
      <Field label="Email" htmlFor="email" error={state.fieldErrors?.email}>
        <TextInput id="email" name="email" type="email" autoComplete="username" defaultValue={state.email} invalid={!!state.fieldErrors?.email} required />
      </Field>
      <Field label="Password" htmlFor="password" error={state.fieldErrors?.password}>
        <TextInput id="password" name="password" type="password" autoComplete="current-password" invalid={!!state.fieldErrors?.password} required />
      </Field>
      <button type="submit" className={buttonClass("primary", "w-full")} disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
