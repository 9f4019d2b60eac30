import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { requirePageSession } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  await requirePageSession();
  return (
    <>
      <PageHeader title="Integrations" description="Connect Workcenter to the tools your shop already uses." />
      <Card title="QuickBooks Online" actions={<Badge>Not connected</Badge>}>
        <p className="text-sm text-slate-600">Send Xometry and in-house jobs to QuickBooks as invoices, and Xometry payouts as payments.</p>
      </Card>
    </>
  );
}
