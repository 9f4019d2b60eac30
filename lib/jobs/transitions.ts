import type { JobSource, JobStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

/** The legal moves of a job. Anything else is refused with a reason and changes nothing. */
export type TJobAction = "accept" | "ship" | "cancel" | "reprice" | "complete";

const ALLOWED: Record<TJobAction, { source: JobSource; from: readonly JobStatus[] }> = {
  accept: { source: "XOMETRY", from: ["OFFERED"] },
  ship: { source: "XOMETRY", from: ["ACCEPTED"] },
  cancel: { source: "XOMETRY", from: ["OFFERED", "ACCEPTED"] },
  reprice: { source: "XOMETRY", from: ["ACCEPTED", "SHIPPED"] },
  complete: { source: "IN_HOUSE", from: ["OPEN"] },
};

const REASONS: Partial<Record<JobStatus, string>> = {
  OFFERED: "it has not been accepted yet",
  ACCEPTED: "it is already accepted",
  SHIPPED: "it has already shipped",
  CANCELLED: "it was cancelled",
  COMPLETED: "it is already completed",
};

const VERBS: Record<TJobAction, string> = {
  accept: "accepted",
  ship: "shipped",
  cancel: "cancelled",
  reprice: "re-priced",
  complete: "completed",
};

export function canTransition(action: TJobAction, job: { source: JobSource; status: JobStatus }): boolean {
  const rule = ALLOWED[action];
  return rule.source === job.source && rule.from.includes(job.status);
}

export function ensureTransition(action: TJobAction, job: { number: string; source: JobSource; status: JobStatus }): void {
  if (canTransition(action, job)) return;
  const rule = ALLOWED[action];
  const why =
    rule.source !== job.source
      ? rule.source === "XOMETRY"
        ? "it is an in-house job"
        : "it is a Xometry job"
      : (REASONS[job.status] ?? `it is ${job.status.toLowerCase()}`);
  throw new AppError("INVALID_TRANSITION", `Job ${job.number} cannot be ${VERBS[action]}: ${why}.`);
}
