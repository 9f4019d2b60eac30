import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/** Reads are always scoped to the caller's organization; another shop's id is simply "not found". */
export async function listOffers(organizationId: string) {
  return db.job.findMany({
    where: { organizationId, source: "XOMETRY", status: "OFFERED" },
    orderBy: [{ expectedShipDate: "asc" }, { number: "asc" }],
  });
}

export async function getJob(organizationId: string, jobId: string) {
  const job = await db.job.findFirst({
    where: { id: jobId, organizationId },
    include: {
      lineItems: { orderBy: { position: "asc" } },
      priceChanges: { orderBy: { changedAt: "desc" } },
      payoutLines: { include: { payout: true } },
    },
  });
  if (!job) throw notFound("This job");
  return job;
}
