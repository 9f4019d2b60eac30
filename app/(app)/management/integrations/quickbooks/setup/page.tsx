import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupWizard } from "@/components/integrations/quickbooks/setup-wizard";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { getQuickBooksStatus } from "@/lib/quickbooks/status";
import { getSetupDraft } from "@/lib/quickbooks/setup/draft";
import { loadSetupContext } from "@/lib/quickbooks/setup/lookups";
import { getWizardSteps, ZWizardStepSchema } from "@/lib/quickbooks/setup/wizard";

export const metadata: Metadata = { title: "Set up QuickBooks" };

export default async function QuickBooksSetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession();
  if (!can(session.role, "integrations.manage")) redirect("/management/integrations");
  const status = await getQuickBooksStatus(session.organizationId);
  if (status.state !== "connected") redirect("/management/integrations");
  const draft = await getSetupDraft(session.organizationId, status.realmId);
  const steps = getWizardSteps(draft);
  const requested = ZWizardStepSchema.catch("source").parse((await searchParams).step);
  // A step whose earlier answers are missing sends the user back to the first one.
  const step = steps.includes(requested) && (requested === "source" || draft.jobSources) ? requested : "source";
  const loaded = await loadSetupContext(session);
  return (
    <>
      <PageHeader title="Set up QuickBooks" description={`Connected to ${status.companyName}. Tell Workcenter what to send to QuickBooks and when.`} />
      {(await searchParams).qbo === "connected" && (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          QuickBooks is connected to {status.companyName}. A few choices and you are done.
        </p>
      )}
      <Card>
        {"error" in loaded ? (
          <p role="alert" className="text-sm text-red-700">
            {loaded.error}
          </p>
        ) : (
          <SetupWizard step={step} steps={steps} draft={draft} accounts={loaded.accounts} issues={loaded.preflight.issues} />
        )}
      </Card>
    </>
  );
}
