import { Badge } from "@/components/ui/badge";
import type { JobStatus } from "@/lib/generated/prisma/enums";

const STATUS: Record<JobStatus, { label: string; tone: "gray" | "blue" | "green" | "amber" | "red" | "violet" }> = {
  OFFERED: { label: "Offered", tone: "violet" },
  ACCEPTED: { label: "Accepted", tone: "blue" },
  SHIPPED: { label: "Shipped", tone: "green" },
  CANCELLED: { label: "Cancelled", tone: "red" },
  OPEN: { label: "Open", tone: "amber" },
  COMPLETED: { label: "Completed", tone: "green" },
};

export const JOB_STATUS_LABELS = Object.fromEntries(Object.entries(STATUS).map(([key, value]) => [key, value.label])) as Record<JobStatus, string>;

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
