"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";

const ITEM = "block cursor-pointer rounded px-3 py-2 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100";

export function OrganizationMenu({
  organizationName,
  userName,
  roleLabel,
  canViewSignInActivity,
  signOut,
  signOutEverywhere,
}: {
  organizationName: string;
  userName: string;
  roleLabel: string;
  canViewSignInActivity: boolean;
  signOut: () => Promise<void>;
  signOutEverywhere: () => Promise<void>;
}) {
  return (
    <Menu.Root>
      <Menu.Trigger className="flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-200 hover:bg-slate-50" aria-label={`Organization menu: ${organizationName}`}>
        <span>{organizationName}</span>
        <span aria-hidden className="text-slate-400">▾</span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
          <div className="px-3 py-2 text-xs text-slate-500">
            {userName} · {roleLabel}
          </div>
          <Menu.Separator className="my-1 h-px bg-slate-100" />
          <Menu.Label className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Management</Menu.Label>
          <Menu.Item asChild className={ITEM}>
            <Link href="/management/integrations">Integrations</Link>
          </Menu.Item>
          {canViewSignInActivity && (
            <Menu.Item asChild className={ITEM}>
              <Link href="/management/sign-in-activity">Sign-in activity</Link>
            </Menu.Item>
          )}
          <Menu.Separator className="my-1 h-px bg-slate-100" />
          <Menu.Item className={ITEM} onSelect={() => void signOut()}>
            Sign out
          </Menu.Item>
          <Menu.Item className={ITEM} onSelect={() => void signOutEverywhere()}>
            Sign out everywhere
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
