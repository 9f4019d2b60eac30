import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActivityCenter } from "@/components/activity/activity-center";
import { ActivityFilters, type TActivityFilterValues } from "@/components/activity/activity-filters";
import { PageHeader } from "@/components/ui/card";
import { listActivity } from "@/lib/activity/list-activity";
import { requirePageSession } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "QuickBooks activity" };

const FILTER_NAMES = ["status", "kind", "from", "to", "q"] as const;

export default async function QuickBooksActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession();
  if (!can(session.role, "invoices.manage")) redirect("/jobs");
  const params = await searchParams;
  const values: TActivityFilterValues = Object.fromEntries(FILTER_NAMES.flatMap((name) => (typeof params[name] === "string" && params[name] ? [[name, params[name]]] : [])));
  const cursor = typeof params.cursor === "string" && params.cursor ? params.cursor : null;
  const filters = new URLSearchParams(values).toString();
  let error: string | null = null;
  const initial = await listActivity(session, { ...values, cursor: cursor ?? undefined }).catch((caught: unknown) => {
    if (!(caught instanceof AppError)) throw caught;
    error = [caught.userMessage, ...(caught.details ?? [])].join(" ");
    return null;
  });
  return (
    <>
      <PageHeader title="QuickBooks activity" description="Every invoice, payment, deposit and change Workcenter sends to QuickBooks: where it stands, and what went wrong in plain words." />
      <ActivityFilters values={values} />
      {initial ? (
        <ActivityCenter initial={initial} filters={filters} cursor={cursor} />
      ) : (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </>
  );
}
