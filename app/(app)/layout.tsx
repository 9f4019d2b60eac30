import Link from "next/link";
import type { ReactNode } from "react";
import { OrganizationMenu } from "@/components/layout/organization-menu";
import { NoticesArea } from "@/components/notifications/notices-area";
import { requirePageSession } from "@/lib/auth/current";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { signOutAction, signOutEverywhereAction } from "../(auth)/login/actions";

const NAV = [
  { href: "/job-board", label: "Job Board" },
  { href: "/jobs", label: "Jobs" },
  { href: "/payouts", label: "Payouts" },
];

export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await requirePageSession();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-6 px-6 py-3">
          <div className="flex items-center gap-8">
            <Link href="/jobs" className="text-lg font-semibold tracking-tight text-brand-700">
              Workcenter
            </Link>
            <nav aria-label="Main" className="flex gap-1">
              {NAV.map((item) => (
                <Link key={item.href} href={item.href} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
                  {item.label}
                </Link>
              ))}
            </nav>
          </div>
          <OrganizationMenu
            organizationName={session.organizationName}
            userName={session.userName}
            roleLabel={ROLE_LABELS[session.role]}
            canViewSignInActivity={can(session.role, "security.view")}
            signOut={signOutAction}
            signOutEverywhere={signOutEverywhereAction}
          />
        </div>
      </header>
      {can(session.role, "integrations.manage") && <NoticesArea />}
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </div>
  );
}
