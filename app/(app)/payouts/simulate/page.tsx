import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SimulatePayoutForm } from "@/components/payouts/simulate-payout-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { formatCalendarDate, todayCalendarDate } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { listUnpaidShippedJobs } from "@/lib/payouts/queries";

export const metadata: Metadata = { title: "Simulate payout" };

export default async function SimulatePayoutPage() {
  const session = await requirePageSession();
  if (!can(session.role, "payouts.simulate")) redirect("/payouts");
  const jobs = await listUnpaidShippedJobs(session.organizationId);
  return (
    <>
      <PageHeader title="Simulate payout" description="Record a payout as Xometry would send it: the shipped jobs you choose, deductions, and FastPay if you like. It takes the same path as a real one." />
      <Card>
        {jobs.length === 0 ? (
          <EmptyState>No shipped job is waiting for a payout.</EmptyState>
        ) : (
          <SimulatePayoutForm
            today={todayCalendarDate()}
            jobs={jobs.map((job) => ({
              id: job.id,
              number: job.number,
              label: `${job.number} · ${job.partName}`,
              shipped: formatCalendarDate(job.shipDate),
              price: formatCents(job.priceCents),
              priceCents: job.priceCents,
              paidEarlyBy: job.payoutLines[0]?.payout.externalId ?? null,
            }))}
          />
        )}
      </Card>
    </>
  );
}
