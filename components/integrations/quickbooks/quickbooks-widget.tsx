import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatCalendarDate, formatTimestamp } from "@/lib/dates";
import type { TQuickBooksStatus } from "@/lib/quickbooks/status";
import type { TQuickBooksConfigurationView } from "@/lib/quickbooks/setup/queries";
import { ConfigurationSummary } from "./configuration-summary";
import { ConnectDialog } from "./connect-dialog";
import { DesktopStatus } from "./desktop-status";

type TMessage = { tone: "success" | "info" | "error"; text: string } | null;
type TPending = { id: string; companyName: string; previousCompanyName: string | null } | null;

const TONE = { success: "bg-emerald-50 text-emerald-800", info: "bg-blue-50 text-blue-800", error: "bg-red-50 text-red-800" } as const;

export function QuickBooksWidget({
  status,
  canManage,
  message,
  pending,
  configuration,
  needsAttention = null,
}: {
  status: TQuickBooksStatus;
  /** Failed documents, for people who may retry them (null: not shown). */
  needsAttention?: number | null;
  canManage: boolean;
  message: TMessage;
  pending: TPending;
  configuration: TQuickBooksConfigurationView | null;
}) {
  const badge =
    status.state === "connected" ? (
      configuration?.realmId === status.realmId && configuration.healthIssue ? <Badge tone="amber">Needs attention</Badge> : <Badge tone="green">Connected</Badge>
    ) : status.state === "needs_reconnect" ? <Badge tone="red">Needs reconnect</Badge> : <Badge>Not connected</Badge>;
  return (
    <Card title={status.state !== "not_connected" && status.transport === "DESKTOP" ? "QuickBooks Desktop" : "QuickBooks Online"} actions={badge}>
      <div className="space-y-4" data-testid="quickbooks-widget">
        {message && (
          <p role={message.tone === "error" ? "alert" : "status"} className={`rounded-md px-3 py-2 text-sm ${TONE[message.tone]}`}>
            {message.text}
          </p>
        )}
        {pending && <PendingCompanyChange pending={pending} />}
        {status.state === "not_connected" ? (
          <>
            <p className="text-sm text-slate-600">Send Xometry and in-house jobs to QuickBooks as invoices, and Xometry payouts as payments.</p>
            {status.previousCompanyName && <p className="text-sm text-slate-500">Previously connected to {status.previousCompanyName}.</p>}
            {canManage ? <ConnectDialog label="Connect Account" /> : <p className="text-sm text-slate-500">An owner or admin of your shop can connect QuickBooks.</p>}
          </>
        ) : (
          <>
            {status.state === "needs_reconnect" && (
              <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
                <p className="font-medium">QuickBooks needs to be reconnected.</p>
                <p className="mt-1">{status.reason ?? "QuickBooks stopped accepting this connection."} Invoices and payments wait, nothing is lost, and they resume once you reconnect.</p>
                {canManage && (
                  <div className="mt-3">
                    <ConnectDialog label="Reconnect" />
                  </div>
                )}
              </div>
            )}
            {status.state === "connected" && configuration?.realmId === status.realmId && configuration.healthIssue && (
              <p role="alert" data-testid="quickbooks-health" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                {configuration.healthIssue}{" "}
                {canManage && (
                  <a href="/management/integrations/quickbooks/configuration" className="font-medium underline">
                    Edit Configuration
                  </a>
                )}
              </p>
            )}
            {status.state === "connected" && status.isExpiringSoon && status.refreshTokenExpiresAt && (
              <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                QuickBooks will end this authorization on {formatCalendarDate(status.refreshTokenExpiresAt)}. Reconnect before then to keep syncing.
              </p>
            )}
            <dl className="grid grid-cols-3 gap-y-2 text-sm">
              <dt className="text-slate-500">Company</dt>
              <dd className="col-span-2 font-medium" data-testid="quickbooks-company">
                {status.companyName}
              </dd>
              <dt className="text-slate-500">Connected by</dt>
              <dd className="col-span-2">
                {status.connectedByName ?? "—"} on {formatTimestamp(status.connectedAt)}
              </dd>
            </dl>
            {status.desktop && <DesktopStatus desktop={status.desktop} canManage={canManage} />}
            {needsAttention !== null && <ActivityLink needsAttention={needsAttention} />}
            <ConfigurationSummary configuration={configuration && configuration.realmId === status.realmId ? configuration : null} canManage={canManage} />
            {canManage && (
              <div className="flex flex-wrap gap-2">
                {configuration && configuration.realmId === status.realmId && (
                  <a href="/management/integrations/quickbooks/configuration" className={buttonClass("secondary")}>
                    Edit Configuration
                  </a>
                )}
                <form action="/api/integrations/quickbooks/disconnect" method="post">
                  <button type="submit" className={buttonClass("danger")}>
                    Disconnect
                  </button>
                </form>
              </div>
            )}
          </>
        )}
      </div>
    </Card>
  );
}

function ActivityLink({ needsAttention }: { needsAttention: number }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="quickbooks-activity-link">
      <a href="/management/integrations/quickbooks/activity" className="font-medium text-brand-700 hover:underline">
        QuickBooks activity
      </a>
      {needsAttention > 0 ? (
        <a href="/management/integrations/quickbooks/activity?status=FAILED" className="hover:underline">
          <Badge tone="red">{needsAttention} need attention</Badge>
        </a>
      ) : (
        <span className="text-slate-500">Nothing needs attention.</span>
      )}
    </p>
  );
}

function PendingCompanyChange({ pending }: { pending: NonNullable<TPending> }) {
  return (
    <div role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">Switch to a different QuickBooks company?</p>
      <p className="mt-1">
        You chose <strong>{pending.companyName}</strong>, but this shop sent its invoices to <strong>{pending.previousCompanyName ?? "another company"}</strong> before. Invoices
        already sent stay there. From now on, Workcenter would send to {pending.companyName}.
      </p>
      <form action="/api/integrations/quickbooks/pending" method="post" className="mt-3 flex gap-2">
        <input type="hidden" name="pendingId" value={pending.id} />
        <button type="submit" name="decision" value="confirm" className={buttonClass("primary")}>
          Use {pending.companyName}
        </button>
        <button type="submit" name="decision" value="cancel" className={buttonClass("secondary")}>
          Keep {pending.previousCompanyName ?? "the previous company"}
        </button>
      </form>
    </div>
  );
}
