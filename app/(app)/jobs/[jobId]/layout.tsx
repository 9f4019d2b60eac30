import Link from "next/link";
import type { ReactNode } from "react";
import { JobActions } from "@/components/jobs/job-actions";
import { JobStatusBadge } from "@/components/jobs/job-status-badge";
import { JobTabs } from "@/components/jobs/job-tabs";
import { AutoRefresh } from "@/components/layout/auto-refresh";
import { requirePageSession } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { todayCalendarDate } from "@/lib/dates";
import { getJobOrNotFound } from "@/lib/jobs/page-loaders";

export default async function JobLayout({ children, params }: { children: ReactNode; params: Promise<{ jobId: string }> }) {
  const session = await requirePageSession();
  const { jobId } = await params;
  const job = await getJobOrNotFound(session.organizationId, jobId);
  return (
    <>
      <AutoRefresh />
      <nav className="mb-2 text-sm text-slate-500">
        <Link href="/jobs" className="hover:underline">
          Jobs
        </Link>{" "}
        / {job.number}
      </nav>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight">
            {job.number} <JobStatusBadge status={job.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {job.source === "XOMETRY" ? `Xometry · ${job.partName}` : `In-house · ${job.customerName} · ${job.partName}`}
          </p>
        </div>
        <JobActions
          job={{ id: job.id, number: job.number, source: job.source, status: job.status }}
          canOperate={can(session.role, "jobs.operate")}
          canReprice={can(session.role, "jobs.reprice")}
          canManageInHouse={can(session.role, "in-house.manage")}
          today={todayCalendarDate()}
        />
      </div>
      <JobTabs jobId={job.id} />
      <div className="mt-6">{children}</div>
    </>
  );
}
