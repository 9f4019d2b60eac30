import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionContext } from "@/lib/auth/current";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await getSessionContext()) redirect("/jobs");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold uppercase tracking-widest text-brand-600">Workcenter</p>
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">Sign in to your shop</h1>
        </div>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <SignInForm />
        </div>
        <p className="mt-4 text-center text-xs text-slate-500">Demo: owner@acme.test / workcenter-demo</p>
      </div>
    </main>
  );
}
