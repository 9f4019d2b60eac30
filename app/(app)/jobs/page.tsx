import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { JOB_STATUS_LABELS, JobStatusBadge } from "@/components/jobs/job-status-badge";
import { AutoRefresh } from "@/components/layout/auto-refresh";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { formatCalendarDate } from "@/lib/dates";
import { listJobs } from "@/lib/jobs/queries";
import { formatCents } from "@/lib/money";

export const metadata: Metadata = { title: "Jobs" };

const ZJobFilterSchema = z.object({
  source: z.enum(["XOMETRY", "IN_HOUSE"]).optional().catch(undefined),
  status: z.enum(["OFFERED", "ACCEPTED", "SHIPPED", "CANCELLED", "OPEN", "COMPLETED"]).optional().catch(undefined),
});

const SOURCES = [
  { value: "", label: "All sources" },
  { value: "XOMETRY", label: "Xometry" },
  { value: "IN_HOUSE", label: "In-house" },
];

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession();
  const filter = ZJobFilterSchema.parse(await searchParams);
  const jobs = await listJobs(session.organizationId, filter);
  return (
    <>
      <AutoRefresh />
      <PageHeader
        title="Jobs"
        description="Your shop's Xometry and in-house jobs."
        actions={
          can(session.role, "in-house.manage") && (
            <Link href="/jobs/new" className={buttonClass("primary")}>
              New in-house job
            </Link>
          )
        }
      />
      <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter jobs">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Source</span>
          <select name="source" defaultValue={filter.source ?? ""} className="rounded-md border border-slate-300 px-3 py-2 text-sm">
            {SOURCES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-700">Status</span>
          <select name="status" defaultValue={filter.status ?? ""} className="rounded-md border border-slate-300 px-3 py-2 text-sm">
            <option value="">All but offers</option>
            {Object.entries(JOB_STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
      </form>
      <Card>
        {jobs.length === 0 ? (
          <EmptyState>No jobs match these filters.</EmptyState>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 pr-4">Job</th>
                <th className="py-2 pr-4">Part / customer</th>
                <th className="py-2 pr-4">Source</th>
                <th className="py-2 pr-4">Status</th>
                <th className="py-2 pr-4">Ship by / shipped</th>
                <th className="py-2 text-right">Price</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {jobs.map((job) => (
                <tr key={job.id} data-testid={`job-row-${job.number}`}>
                  <td className="py-2 pr-4 font-medium">
                    <Link href={`/jobs/${job.id}`} className="text-brand-700 hover:underline">
                      {job.number}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{job.source === "IN_HOUSE" ? `${job.customerName} · ${job.partName}` : job.partName}</td>
                  <td className="py-2 pr-4">{job.source === "XOMETRY" ? "Xometry" : "In-house"}</td>
                  <td className="py-2 pr-4">
                    <JobStatusBadge status={job.status} />
                  </td>
                  <td className="py-2 pr-4">{formatCalendarDate(job.shipDate ?? job.expectedShipDate)}</td>
                  <td className="py-2 text-right tabular-nums">{formatCents(job.priceCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
