import Link from "next/link";
import { Card } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/current";
import { getJobOrNotFound } from "@/lib/jobs/page-loaders";

export default async function JobInvoicePage({ params }: { params: Promise<{ jobId: string }> }) {
  const session = await requirePageSession();
  const { jobId } = await params;
  await getJobOrNotFound(session.organizationId, jobId);
  return (
    <Card title="Invoice">
      <p className="text-sm text-slate-600">
        Invoices for this job are created in QuickBooks Online once your shop connects it on the{" "}
        <Link href="/management/integrations" className="text-brand-700 hover:underline">
          Integrations
        </Link>{" "}
        page.
      </p>
    </Card>
  );
}
