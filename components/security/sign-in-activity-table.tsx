import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import type { TSignInActivity } from "@/lib/auth/sign-in-events";
import { formatTimestamp } from "@/lib/dates";
import type { SignInEventKind } from "@/lib/generated/prisma/enums";

const KINDS: Record<SignInEventKind, { label: string; tone: "green" | "amber" | "red" | "gray" }> = {
  SIGNED_IN: { label: "Signed in", tone: "green" },
  FAILED: { label: "Wrong password", tone: "amber" },
  REFUSED: { label: "Refused (locked)", tone: "red" },
  LOCKED: { label: "Locked", tone: "red" },
  SIGNED_OUT_EVERYWHERE: { label: "Signed out everywhere", tone: "gray" },
};

const LOCK_SCOPES = { ACCOUNT: "the account", ADDRESS: "the address" } as const;

export function SignInActivityTable({ events }: { events: TSignInActivity }) {
  if (events.length === 0) return <EmptyState>No sign-ins recorded yet.</EmptyState>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="py-2 pr-4">When</th>
          <th className="py-2 pr-4">Who</th>
          <th className="py-2 pr-4">What</th>
          <th className="py-2 pr-4">From</th>
          <th className="py-2">Browser</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {events.map((event) => (
          <tr key={event.id} data-testid={`sign-in-event-${event.kind}`}>
            <td className="whitespace-nowrap py-2 pr-4">{formatTimestamp(event.createdAt)}</td>
            <td className="py-2 pr-4">
              {event.user?.name ?? event.email}
              <span className="block text-xs text-slate-500">{event.email}</span>
            </td>
            <td className="py-2 pr-4">
              <Badge tone={KINDS[event.kind].tone}>{KINDS[event.kind].label}</Badge>
              {event.lockScope && event.lockedUntil && (
                <span className="block text-xs text-slate-500">
                  {LOCK_SCOPES[event.lockScope]} until {formatTimestamp(event.lockedUntil)}
                </span>
              )}
            </td>
            <td className="py-2 pr-4 font-mono text-xs">{event.address}</td>
            <td className="max-w-xs truncate py-2 text-xs text-slate-500" title={event.userAgent ?? undefined}>
              {event.userAgent ?? "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
