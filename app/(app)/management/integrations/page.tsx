import type { Metadata } from "next";
import { z } from "zod";
import { QuickBooksWidget } from "@/components/integrations/quickbooks/quickbooks-widget";
import { BackfillCard } from "@/components/invoices/backfill-card";
import { PageHeader } from "@/components/ui/card";
import { countNeedingAttention } from "@/lib/activity/list-activity";
import { requirePageSession } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { CONNECT_MESSAGES, isConnectOutcome } from "@/lib/quickbooks/connect-messages";
import { getQuickBooksConfiguration } from "@/lib/quickbooks/setup/queries";
import { findPendingConnection, getQuickBooksStatus } from "@/lib/quickbooks/status";

export const metadata: Metadata = { title: "Integrations" };

const ZSearchSchema = z.object({ qbo: z.string().optional().catch(undefined), confirm: z.string().max(64).optional().catch(undefined) });

export default async function IntegrationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession();
  const search = ZSearchSchema.parse(await searchParams);
  const canManage = can(session.role, "integrations.manage");
  const [status, pending, configuration, needsAttention] = await Promise.all([
    getQuickBooksStatus(session.organizationId),
    canManage && search.confirm ? findPendingConnection(session.organizationId, search.confirm) : null,
    getQuickBooksConfiguration(session.organizationId),
    can(session.role, "invoices.manage") ? countNeedingAttention(session.organizationId) : null,
  ]);
  const message = isConnectOutcome(search.qbo) ? CONNECT_MESSAGES[search.qbo] : null;
  return (
    <>
      <PageHeader title="Integrations" description="Connect Workcenter to the tools your shop already uses." />
      <QuickBooksWidget status={status} canManage={canManage} message={message} pending={pending} configuration={configuration} needsAttention={needsAttention} />
      {status.state === "connected" && configuration?.realmId === status.realmId && configuration.jobSources !== "IN_HOUSE" && can(session.role, "invoices.manage") && <BackfillCard />}
    </>
  );
}
