"use client";

import { useState } from "react";
import { readJson } from "@/components/activity/fetch-json";
import { Button } from "@/components/ui/button";
import { DesktopLoginPanel } from "./desktop-login-panel";
import { DESKTOP_CONNECT_PATH } from "./desktop-paths";

type TLogin = { userName: string; password: string };

/** The connect dialog's *Desktop* choice: the three steps, then the login shown once and the .qwc. */
export function DesktopConnect({ onConnected, onDone }: { onConnected: () => void; onDone: () => void }) {
  const [login, setLogin] = useState<TLogin | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function connect() {
    setIsSubmitting(true);
    setError(null);
    try {
      setLogin(await readJson<TLogin>(await fetch(DESKTOP_CONNECT_PATH, { method: "POST" })));
      onConnected();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "QuickBooks Desktop could not be connected. Please try again.");
    } finally {
      setIsSubmitting(false);
    }
  }

  return (
    <div className="mt-4 space-y-3 text-sm text-slate-700">
      <ol className="list-decimal space-y-1 pl-5">
        <li>On the computer that has your QuickBooks company file, open QuickBooks Desktop and the QuickBooks Web Connector (it comes with QuickBooks).</li>
        <li>
          Download the Web Connector file and add it in the Web Connector (<em>Add an application</em>), then allow Workcenter access when QuickBooks asks.
        </li>
        <li>Type the password shown here into the Web Connector&apos;s Password column and save it. It then sends your invoices and payments every few minutes.</li>
      </ol>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      )}
      {login ? (
        <DesktopLoginPanel userName={login.userName} password={login.password} onDone={onDone} />
      ) : (
        <Button className="w-full" onClick={connect} disabled={isSubmitting}>
          {isSubmitting ? "Connecting…" : "Connect QuickBooks Desktop"}
        </Button>
      )}
    </div>
  );
}
