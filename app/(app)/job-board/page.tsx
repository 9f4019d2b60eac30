import type { Metadata } from "next";
import { AcceptJobButton } from "@/components/jobs/accept-job-button";
import { AutoRefresh } from "@/components/layout/auto-refresh";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { formatCalendarDate } from "@/lib/dates";
import { listOffers } from "@/lib/jobs/queries";
import { formatCents } from "@/lib/money";

export const metadata: Metadata = { title: "Job Board" };

export default async function JobBoardPage() {
  const session = await requirePageSession();
  const offers = await listOffers(session.organizationId);
  const canAccept = can(session.role, "jobs.operate");
  return (
    <>
      <AutoRefresh />
      <PageHeader title="Job Board" description="Xometry jobs offered to your shop. Accepting one commits you to its ship-by date." />
      <Card>
        {offers.length === 0 ? (
          <EmptyState>No offers right now. New Xometry jobs appear here as they are offered.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {offers.map((job) => (
              <li key={job.id} data-testid={`offer-${job.number}`} className="flex flex-wrap items-center justify-between gap-4 py-3">
                <div>
                  <p className="font-medium text-slate-900">
                    {job.number} · {job.partName}
                  </p>
                  <p className="text-sm text-slate-600">
                    Qty {job.quantity} · Ship by {formatCalendarDate(job.expectedShipDate)}
                  </p>
                </div>
                <div className="flex items-center gap-4">
                  <span className="text-lg font-semibold tabular-nums">{formatCents(job.priceCents)}</span>
                  {canAccept && <AcceptJobButton jobId={job.id} jobNumber={job.number} />}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
