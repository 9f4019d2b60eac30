"use client";

import { useState } from "react";
import { readJson } from "@/components/activity/fetch-json";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DesktopLoginPanel } from "./desktop-login-panel";
import { DESKTOP_PASSWORD_PATH } from "./desktop-paths";

type TLogin = { userName: string; password: string };

/** *Reset password*: a new Web Connector password, shown once; the old one and any update in progress stop. */
export function DesktopPasswordReset() {
  const [open, setOpen] = useState(false);
  const [login, setLogin] = useState<TLogin | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function reset() {
    setIsSubmitting(true);
    setError(null);
    try {
      setLogin(await readJson<TLogin>(await fetch(DESKTOP_PASSWORD_PATH, { method: "POST" })));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "The password could not be reset. Please try again.");
    } finally {
      setIsSubmitting(false);
    }
  }

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) setLogin(null);
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Reset password
      </Button>
      <Dialog open={open} onOpenChange={onOpenChange} title="Reset the Web Connector's password">
        {login ? (
          <DesktopLoginPanel userName={login.userName} password={login.password} onDone={() => onOpenChange(false)} />
        ) : (
          <div className="space-y-3 text-sm text-slate-700">
            <p>The current password stops working at once, and an update in progress ends. Type the new password into the Web Connector afterwards.</p>
            {error && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800">
                {error}
              </p>
            )}
            <Button variant="danger" className="w-full" onClick={reset} disabled={isSubmitting}>
              {isSubmitting ? "Resetting…" : "Reset password"}
            </Button>
          </div>
        )}
      </Dialog>
    </>
  );
}
