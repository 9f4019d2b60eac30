"use client";

import { Button, buttonClass } from "@/components/ui/button";
import { QWC_DOWNLOAD_PATH } from "./desktop-paths";

/** The Web Connector's login, shown once right after it is made (connect or reset). */
export function DesktopLoginPanel({ userName, password, onDone }: { userName: string; password: string; onDone: () => void }) {
  return (
    <div className="space-y-3" data-testid="desktop-login">
      <dl className="grid grid-cols-3 gap-y-2 rounded-md bg-slate-50 p-3 text-sm">
        <dt className="text-slate-500">User name</dt>
        <dd className="col-span-2 font-mono" data-testid="desktop-user-name">
          {userName}
        </dd>
        <dt className="text-slate-500">Password</dt>
        <dd className="col-span-2 font-mono font-semibold" data-testid="desktop-password">
          {password}
        </dd>
      </dl>
      <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
        This password is shown only now. Type it into the Web Connector&apos;s Password column. If it is lost, use <em>Reset password</em> on the Integrations page.
      </p>
      <a href={QWC_DOWNLOAD_PATH} download className={buttonClass("secondary", "w-full")}>
        Download the Web Connector file
      </a>
      <Button className="w-full" onClick={onDone}>
        Done
      </Button>
    </div>
  );
}
