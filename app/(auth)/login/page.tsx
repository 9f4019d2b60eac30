import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionContext } from "@/lib/auth/current";
import { db } from "@/lib/db/client";
import { hasDemoData } from "@/lib/seed/demo-data-policy";
import { DEMO_PASSWORD, DEMO_SHOPS } from "@/lib/seed/seed-demo";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getSessionContext()) redirect("/jobs");
  const isSignedOutEverywhere = (await searchParams)["signed-out"] === "everywhere";
  const isDemo = await hasDemoData(db);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold uppercase tracking-widest text-brand-600">Workcenter</p>
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">Sign in to your shop</h1>
        </div>
        {isSignedOutEverywhere && (
          <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
            You are signed out on every device.
          </p>
        )}
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <SignInForm />
        </div>
        {isDemo && (
          <p className="mt-4 text-center text-xs text-slate-500">
            Demo: {DEMO_SHOPS[0]!.users[0]!.email} / {DEMO_PASSWORD}
          </p>
        )}
      </div>
    </main>
  );
}
