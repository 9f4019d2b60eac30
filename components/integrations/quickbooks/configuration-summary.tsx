import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { describeDeposits, savedAccountNames } from "@/lib/quickbooks/setup/account-roles";
import { CHANGE_POLICY_LABELS, IN_HOUSE_MODE_LABELS, SOURCE_LABELS, TRIGGER_LABELS } from "@/lib/quickbooks/setup/schemas";
import type { TQuickBooksConfigurationView } from "@/lib/quickbooks/setup/queries";

export function ConfigurationSummary({ configuration, canManage }: { configuration: TQuickBooksConfigurationView | null; canManage: boolean }) {
  if (!configuration) {
    return (
      <div className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900">
        <p>Connected, but not set up yet: nothing is sent to QuickBooks until the setup is saved.</p>
        {canManage && (
          <Link href="/management/integrations/quickbooks/setup" className={buttonClass("primary", "mt-3")}>
            Finish setup
          </Link>
        )}
      </div>
    );
  }
  const isXometry = configuration.jobSources !== "IN_HOUSE";
  const rows: [string, string][] = [
    ["Job source", SOURCE_LABELS[configuration.jobSources]],
    ...(isXometry && configuration.invoiceTrigger
      ? ([
          ["Invoice when", TRIGGER_LABELS[configuration.invoiceTrigger]],
          ["Xometry customer", configuration.xometryCustomerName ?? "—"],
          ["Price changes and cancellations", CHANGE_POLICY_LABELS[configuration.changePolicy]],
        ] as [string, string][])
      : []),
    ["Product/Service", configuration.defaultItemName],
    ...(isXometry
      ? ([
          ["Automated payments", configuration.paymentsEnabled ? `On → ${configuration.depositAccountName}` : "Off"],
          ["Payout deposits", configuration.depositsEnabled ? describeDeposits(savedAccountNames(configuration)) : "Off"],
        ] as [string, string][])
      : []),
    ["In-house invoices", configuration.jobSources === "XOMETRY" ? "Off" : IN_HOUSE_MODE_LABELS[configuration.inHouseInvoiceMode]],
    ...(configuration.jobSources !== "XOMETRY" && configuration.inHouseItemName ? ([["In-house product/service", configuration.inHouseItemName]] as [string, string][]) : []),
    ...(configuration.jobSources !== "XOMETRY" ? ([["Email in-house invoices automatically", configuration.emailInHouseInvoices ? "On" : "Off"]] as [string, string][]) : []),
  ];
  return (
    <div className="space-y-2">
      <dl className="grid grid-cols-3 gap-y-2 text-sm" data-testid="configuration-summary">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
      {configuration.jobSources !== "XOMETRY" && (
        <Link href="/management/integrations/quickbooks/customers" className="inline-block text-sm text-brand-700 hover:underline">
          Customers: in-house names linked to QuickBooks customers
        </Link>
      )}
      {configuration.customTxnNumbers && (
        <p role="note" className="rounded-md bg-blue-50 px-3 py-2 text-xs text-blue-900">
          Custom Transaction Numbers is on in QuickBooks: Workcenter sends the job number as each invoice&apos;s number, so none is left blank.
        </p>
      )}
    </div>
  );
}
