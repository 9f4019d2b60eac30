import Link from "next/link";
import { JobStatusBadge } from "@/components/jobs/job-status-badge";
import { EmptyState } from "@/components/ui/card";
import { formatCalendarDate } from "@/lib/dates";
import type { TJobListRow } from "@/lib/jobs/list-jobs";
import { formatCents } from "@/lib/money";
import { JobInvoiceCell } from "./job-invoice-cell";

export function JobsTable({ jobs }: { jobs: TJobListRow[] }) {
  if (jobs.length === 0) return <EmptyState>No jobs match these filters.</EmptyState>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-2 pr-4">Job</th>
          <th className="py-2 pr-4">Part / customer</th>
          <th className="py-2 pr-4">Source</th>
          <th className="py-2 pr-4">Status</th>
          <th className="py-2 pr-4">Ship by / shipped</th>
          <th className="py-2 pr-4">Invoice</th>
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
            <td className="py-2 pr-4" data-testid="job-invoice">
              <JobInvoiceCell invoice={job.invoice} />
            </td>
            <td className="py-2 text-right tabular-nums">{formatCents(job.priceCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
