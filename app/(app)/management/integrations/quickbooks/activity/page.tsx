import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ActivityCenter } from "@/components/activity/activity-center";
import { ActivityFilters } from "@/components/activity/activity-filters";
import { PageHeader } from "@/components/ui/card";
import { splitPageParams } from "@/components/ui/pager";
import { listActivity } from "@/lib/activity/list-activity";
import { requirePageSession } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { loadListPage } from "@/lib/pagination/load-page";

export const metadata: Metadata = { title: "QuickBooks activity" };

const FILTER_NAMES = ["status", "kind", "from", "to", "q"] as const;

export default async function QuickBooksActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession();
  if (!can(session.role, "invoices.manage")) redirect("/jobs");
  const params = await searchParams;
  const { values, cursor, filters } = splitPageParams(params, FILTER_NAMES);
  const { page: initial, error } = await loadListPage(() => listActivity(session, { ...values, cursor: cursor ?? undefined }));
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
