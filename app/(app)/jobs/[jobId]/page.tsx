import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/current";
import { formatCalendarDate, formatTimestamp } from "@/lib/dates";
import { getJobOrNotFound } from "@/lib/jobs/page-loaders";
import { formatCents } from "@/lib/money";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-4 py-2 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 text-slate-900">{children}</dd>
    </div>
  );
}

export default async function JobOverviewPage({ params }: { params: Promise<{ jobId: string }> }) {
  const session = await requirePageSession();
  const { jobId } = await params;
  const job = await getJobOrNotFound(session.organizationId, jobId);
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="Overview" className="lg:col-span-2">
        <dl className="divide-y divide-slate-100">
          <Row label="Job number">{job.number}</Row>
          <Row label={job.source === "XOMETRY" ? "Part" : "Title"}>{job.partName}</Row>
          {job.customerName && <Row label="Customer">{job.customerName}</Row>}
          <Row label="Quantity">{job.quantity}</Row>
          <Row label="Price">
            <span data-testid="job-price">{formatCents(job.priceCents)}</span>
          </Row>
          {job.source === "XOMETRY" && <Row label="Ship by">{formatCalendarDate(job.expectedShipDate)}</Row>}
          {job.acceptedAt && <Row label="Accepted">{formatTimestamp(job.acceptedAt)}</Row>}
          {job.shipDate && (
            <Row label="Shipped">
              <span data-testid="job-ship-date">{formatCalendarDate(job.shipDate)}</span>
            </Row>
          )}
          {job.cancelledAt && <Row label="Cancelled">{formatTimestamp(job.cancelledAt)}</Row>}
          {job.completedAt && <Row label="Completed">{formatTimestamp(job.completedAt)}</Row>}
        </dl>
      </Card>
      <div className="space-y-6">
        {job.lineItems.length > 0 && (
          <Card title="Line items">
            <ul className="divide-y divide-slate-100 text-sm">
              {job.lineItems.map((line) => (
                <li key={line.id} className="flex justify-between gap-3 py-2">
                  <span>
                    {line.description} <span className="text-slate-500">× {line.quantity}</span>
                  </span>
                  <span className="tabular-nums">{formatCents(line.quantity * line.unitPriceCents)}</span>
                </li>
              ))}
            </ul>
          </Card>
        )}
        {job.priceChanges.length > 0 && (
          <Card title="Price history">
            <ul className="space-y-2 text-sm">
              {job.priceChanges.map((change) => (
                <li key={change.id}>
                  {formatCents(change.previousCents)} → {formatCents(change.newCents)}
                  <span className="block text-xs text-slate-500">
                    {formatTimestamp(change.changedAt)}
                    {change.reason ? ` · ${change.reason}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        )}
        {job.payoutLines.length > 0 && (
          <Card title="Payouts">
            <ul className="space-y-2 text-sm">
              {job.payoutLines.map((line) => (
                <li key={line.id}>
                  <Link href={`/payouts/${line.payoutId}`} className="text-brand-700 hover:underline">
                    {line.payout.externalId}
                  </Link>{" "}
                  · {formatCents(line.amountCents)} · paid {formatCalendarDate(line.payout.paidAt)}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </div>
  );
}
