import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ConfigurationForm } from "@/components/integrations/quickbooks/configuration-form";
import { PreflightNotices } from "@/components/integrations/quickbooks/preflight-notices";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { formatTimestamp } from "@/lib/dates";
import { findUndepositedFundsId, savedDepositSettings } from "@/lib/quickbooks/setup/account-roles";
import { loadSetupContext } from "@/lib/quickbooks/setup/lookups";
import { getQuickBooksConfiguration } from "@/lib/quickbooks/setup/queries";
import { getQuickBooksStatus } from "@/lib/quickbooks/status";

export const metadata: Metadata = { title: "QuickBooks configuration" };

export default async function QuickBooksConfigurationPage() {
  const session = await requirePageSession();
  if (!can(session.role, "integrations.manage")) redirect("/management/integrations");
  const status = await getQuickBooksStatus(session.organizationId);
  if (status.state !== "connected") redirect("/management/integrations");
  const configuration = await getQuickBooksConfiguration(session.organizationId);
  if (!configuration || configuration.realmId !== status.realmId) redirect("/management/integrations/quickbooks/setup");
  const loaded = await loadSetupContext(session);
  return (
    <>
      <nav className="mb-2 text-sm text-slate-500">
        <Link href="/management/integrations" className="hover:underline">
          Integrations
        </Link>{" "}
        / QuickBooks configuration
      </nav>
      <PageHeader title="Edit configuration" description={`QuickBooks company: ${status.companyName}. Changes apply to jobs from now on; invoices already in QuickBooks stay as they are.`} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          {"error" in loaded ? (
            <p role="alert" className="text-sm text-red-700">
              {loaded.error}
            </p>
          ) : (
            <div className="space-y-6">
              <PreflightNotices issues={loaded.preflight.issues} />
              <ConfigurationForm
                accounts={loaded.accounts}
                initial={{
                  jobSources: configuration.jobSources,
                  invoiceTrigger: configuration.invoiceTrigger ?? undefined,
                  xometryCustomerId: configuration.xometryCustomerId ?? undefined,
                  xometryCustomerLabel: configuration.xometryCustomerName ?? undefined,
                  defaultItemId: configuration.defaultItemId,
                  defaultItemLabel: configuration.defaultItemName,
                  changePolicy: configuration.changePolicy,
                  inHouseInvoiceMode: configuration.inHouseInvoiceMode,
                  inHouseItemId: configuration.inHouseItemId ?? undefined,
                  inHouseItemLabel: configuration.inHouseItemName ?? undefined,
                  emailInHouseInvoices: configuration.emailInHouseInvoices,
                  paymentsEnabled: configuration.paymentsEnabled,
                  depositAccountId: configuration.depositAccountId ?? findUndepositedFundsId(loaded.accounts),
                  ...savedDepositSettings(configuration),
                }}
              />
            </div>
          )}
        </Card>
        <Card title="History">
          {configuration.changes.length === 0 ? (
            <p className="text-sm text-slate-500">No changes yet.</p>
          ) : (
            <ol className="space-y-4 text-sm" data-testid="configuration-history">
              {configuration.changes.map((change) => (
                <li key={change.id}>
                  <p className="text-xs text-slate-500">
                    {formatTimestamp(change.createdAt)} · {change.userName}
                  </p>
                  <ul className="mt-1 space-y-0.5">
                    {Object.values(change.changes).map((field) => (
                      <li key={field.label}>
                        {field.label}: {field.from ?? "—"} → <strong>{field.to ?? "—"}</strong>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
