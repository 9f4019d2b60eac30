import { InvoiceTab } from "@/components/invoices/invoice-tab";
import { Card } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/current";
import { getJobInvoiceView } from "@/lib/invoicing/job-invoice-view";
import { getJobOrNotFound } from "@/lib/jobs/page-loaders";

export default async function JobInvoicePage({ params }: { params: Promise<{ jobId: string }> }) {
  const session = await requirePageSession();
  const { jobId } = await params;
  await getJobOrNotFound(session.organizationId, jobId);
  const view = await getJobInvoiceView(session, jobId);
  return (
    <Card title="Invoice">
      <InvoiceTab jobId={jobId} initial={view} />
    </Card>
  );
}
