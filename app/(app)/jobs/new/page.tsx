import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { InHouseJobForm } from "@/components/jobs/in-house-job-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "New in-house job" };

export default async function NewInHouseJobPage() {
  const session = await requirePageSession();
  if (!can(session.role, "in-house.manage")) redirect("/jobs");
  return (
    <>
      <PageHeader title="New in-house job" description="Work for your own customers, outside Xometry." />
      <Card>
        <InHouseJobForm />
      </Card>
    </>
  );
}
