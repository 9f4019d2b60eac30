"use server";

import { revalidatePath } from "next/cache";
import { runAction, type TActionResult } from "@/lib/actions/run-action";
import { requireActor } from "@/lib/auth/current";
import { completeInHouseJob, createInHouseJob } from "@/lib/jobs/in-house-jobs";
import { acceptJob, cancelJob, repriceJob, shipJob } from "@/lib/jobs/job-actions";

function refreshJobPages(jobId?: string) {
  revalidatePath("/jobs");
  revalidatePath("/job-board");
  if (jobId) revalidatePath(`/jobs/${jobId}`);
}

export async function acceptJobAction(jobId: string): Promise<TActionResult<{ number: string }>> {
  return runAction("accept-job", async () => {
    const job = await acceptJob(await requireActor(), jobId);
    refreshJobPages(job.id);
    return { number: job.number };
  });
}

export async function shipJobAction(input: { jobId: string; shipDate: string }): Promise<TActionResult> {
  return runAction("ship-job", async () => {
    const job = await shipJob(await requireActor(), input);
    refreshJobPages(job.id);
    return undefined;
  }, "Marked as shipped.");
}

export async function cancelJobAction(jobId: string): Promise<TActionResult> {
  return runAction("cancel-job", async () => {
    const job = await cancelJob(await requireActor(), jobId);
    refreshJobPages(job.id);
    return undefined;
  }, "Job cancelled.");
}

export async function repriceJobAction(input: { jobId: string; price: string; reason?: string }): Promise<TActionResult> {
  return runAction("reprice-job", async () => {
    const job = await repriceJob(await requireActor(), input);
    refreshJobPages(job.id);
    return undefined;
  }, "Price updated.");
}

export async function completeInHouseJobAction(jobId: string): Promise<TActionResult> {
  return runAction("complete-in-house-job", async () => {
    const job = await completeInHouseJob(await requireActor(), jobId);
    refreshJobPages(job.id);
    return undefined;
  }, "Job completed.");
}

export async function createInHouseJobAction(input: unknown): Promise<TActionResult<{ jobId: string }>> {
  return runAction("create-in-house-job", async () => {
    const job = await createInHouseJob(await requireActor(), input);
    refreshJobPages();
    return { jobId: job.id };
  });
}
