"use client";

import { useState, useTransition } from "react";
import { acceptJobAction } from "@/app/(app)/jobs/actions";
import { Button } from "@/components/ui/button";

export function AcceptJobButton({ jobId, jobNumber }: { jobId: string; jobNumber: string }) {
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        aria-label={`Accept ${jobNumber}`}
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            const result = await acceptJobAction(jobId);
            setError(result.ok ? null : result.message);
          })
        }
      >
        {isPending ? "Accepting…" : "Accept"}
      </Button>
      {error && (
        <p role="alert" className="max-w-64 text-right text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
