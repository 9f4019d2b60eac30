import type { Metadata } from "next";
import Link from "next/link";
import { JobsFilters } from "@/components/jobs/jobs-filters";
import { JobsTable } from "@/components/jobs/jobs-table";
import { AutoRefresh } from "@/components/layout/auto-refresh";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Pager, splitPageParams } from "@/components/ui/pager";
import { requirePageSession } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { listJobsPage } from "@/lib/jobs/list-jobs";
import { loadListPage } from "@/lib/pagination/load-page";

export const metadata: Metadata = { title: "Jobs" };

const FILTER_NAMES = ["q", "source", "status", "invoice"] as const;

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession();
  const { values, cursor, filters } = splitPageParams(await searchParams, FILTER_NAMES);
  const result = await loadListPage(() => listJobsPage(session.organizationId, { ...values, cursor: cursor ?? undefined }));
  return (
    <>
      <AutoRefresh />
      <PageHeader
        title="Jobs"
        description="Your shop's Xometry and in-house jobs, most recently changed first."
        actions={
          can(session.role, "in-house.manage") && (
            <Link href="/jobs/new" className={buttonClass("primary")}>
              New in-house job
            </Link>
          )
        }
      />
      <JobsFilters values={values} />
      <Card>
        {result.page ? (
          <>
            <JobsTable jobs={result.page.jobs} />
            <Pager filters={filters} cursor={cursor} nextCursor={result.page.nextCursor} />
          </>
        ) : (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {result.error} <Link href="/jobs" className="font-medium underline">Show the first page</Link>
          </p>
        )}
      </Card>
    </>
  );
}
