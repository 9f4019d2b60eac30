import { buttonClass } from "@/components/ui/button";
import { formatTimestamp } from "@/lib/dates";
import type { TDesktopStatus } from "@/lib/quickbooks/status";
import { QWC_DOWNLOAD_PATH } from "./desktop-paths";
import { DesktopPasswordReset } from "./desktop-password-reset";

/** The widget's Desktop part: waiting for the first poll, then the company file and the last contact; a warning after a silent day. */
export function DesktopStatus({ desktop, canManage }: { desktop: TDesktopStatus; canManage: boolean }) {
  return (
    <div className="space-y-3" data-testid="quickbooks-desktop">
      {desktop.lastContactAt === null ? (
        <div role="status" className="rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900">
          <p className="font-medium">Waiting for the Web Connector</p>
          <p className="mt-1">
            Add the Web Connector file on the computer with QuickBooks and type the password into it. This page shows the company file once the Web Connector has been in touch.
          </p>
        </div>
      ) : (
        <dl className="grid grid-cols-3 gap-y-2 text-sm">
          <dt className="text-slate-500">Company file</dt>
          <dd className="col-span-2 break-all" data-testid="quickbooks-company-file">
            {desktop.companyFileName ?? "—"}
          </dd>
          <dt className="text-slate-500">Last contact</dt>
          <dd className="col-span-2" data-testid="quickbooks-last-contact">
            {formatTimestamp(desktop.lastContactAt)}
          </dd>
        </dl>
      )}
      {desktop.isSilent && (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The Web Connector has not been in touch for more than a day. Check that the computer with QuickBooks is on and the Web Connector is running. Invoices and payments wait until it is;
          nothing is lost.
        </p>
      )}
      {canManage && (
        <div className="flex flex-wrap gap-2">
          <a href={QWC_DOWNLOAD_PATH} download className={buttonClass("secondary")}>
            Download the Web Connector file
          </a>
          <DesktopPasswordReset />
        </div>
      )}
    </div>
  );
}
