import { Button } from "@/components/ui/button";
import type { TChangeDecisionView } from "@/lib/changes/change-view";

/**
 * The decision a re-priced or cancelled job's invoice waits for: what changed, in words, and the
 * one button offered (bookkeepers, admins, owners). Operators see it without the button.
 */
export function ChangeDecision({ decision, onAuthorize, isPending }: { decision: TChangeDecisionView; onAuthorize: () => void; isPending: boolean }) {
  return (
    <div role="alert" className="space-y-2 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="invoice-decision">
      <p className="font-medium">{decision.reason === "cancelled" ? "The job was cancelled after invoicing" : "The job's price changed after invoicing"}</p>
      <p>{decision.explanation}</p>
      {decision.blockedReason && <p>{decision.blockedReason}</p>}
      {decision.canAuthorize ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={onAuthorize} disabled={isPending} variant={decision.action === "void" ? "danger" : "primary"}>
            {isPending ? "Sending…" : decision.label}
          </Button>
          <span className="text-xs text-amber-800">Nothing changes in QuickBooks until you click. Nothing is ever deleted.</span>
        </div>
      ) : (
        !decision.blockedReason && <p className="text-xs">A bookkeeper, owner or admin decides what to change in QuickBooks.</p>
      )}
    </div>
  );
}
