"use client";

import { useState, useTransition } from "react";
import { cancelJobAction, completeInHouseJobAction } from "@/app/(app)/jobs/actions";
import { Button } from "@/components/ui/button";
import type { JobSource, JobStatus } from "@/lib/generated/prisma/enums";
import { RepriceJobDialog } from "./reprice-job-dialog";
import { ShipJobDialog } from "./ship-job-dialog";

type TJob = { id: string; number: string; source: JobSource; status: JobStatus };

export function JobActions({ job, canOperate, canReprice, canManageInHouse, today }: { job: TJob; canOperate: boolean; canReprice: boolean; canManageInHouse: boolean; today: string }) {
  const [isPending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const run = (action: () => Promise<{ ok: boolean; message?: string }>) =>
    startTransition(async () => {
      const result = await action();
      setMessage(result.ok ? null : (result.message ?? null));
    });
  const isXometry = job.source === "XOMETRY";
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        {isXometry && canOperate && job.status === "ACCEPTED" && <ShipJobDialog jobId={job.id} jobNumber={job.number} today={today} />}
        {isXometry && canReprice && (job.status === "ACCEPTED" || job.status === "SHIPPED") && <RepriceJobDialog jobId={job.id} />}
        {isXometry && canOperate && (job.status === "ACCEPTED" || job.status === "OFFERED") && (
          <Button variant="danger" disabled={isPending} onClick={() => window.confirm(`Cancel job ${job.number}?`) && run(() => cancelJobAction(job.id))}>
            Cancel job
          </Button>
        )}
        {!isXometry && canManageInHouse && job.status === "OPEN" && (
          <Button disabled={isPending} onClick={() => run(() => completeInHouseJobAction(job.id))}>
            Mark completed
          </Button>
        )}
      </div>
      {message && (
        <p role="alert" className="text-sm text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}
