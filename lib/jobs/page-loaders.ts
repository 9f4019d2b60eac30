import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { getJob } from "./queries";

/** For pages: another shop's job, or a made-up id, renders the 404 page. */
export async function getJobOrNotFound(organizationId: string, jobId: string) {
  try {
    return await getJob(organizationId, jobId);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
