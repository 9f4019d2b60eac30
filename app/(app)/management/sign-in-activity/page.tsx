import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInActivityTable } from "@/components/security/sign-in-activity-table";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { listSignInActivity, SIGN_IN_ACTIVITY_LIMIT } from "@/lib/auth/sign-in-events";

export const metadata: Metadata = { title: "Sign-in activity" };

export default async function SignInActivityPage() {
  const session = await requirePageSession();
  if (!can(session.role, "security.view")) redirect("/jobs");
  const events = await listSignInActivity(session);
  return (
    <>
      <PageHeader
        title="Sign-in activity"
        description={`The latest ${SIGN_IN_ACTIVITY_LIMIT} sign-ins, wrong passwords and locks of your shop's people: when, from which address and browser. Passwords are never recorded.`}
      />
      <Card>
        <SignInActivityTable events={events} />
      </Card>
    </>
  );
}
