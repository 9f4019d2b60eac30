/** How far a bulk run is: rows sent or failed, of all its rows. */
export function percentDone(progress: { done: number; failed: number; total: number } | null | undefined): number {
  return progress && progress.total > 0 ? Math.round(((progress.done + progress.failed) / progress.total) * 100) : 0;
}

/** A determinate progress bar with its accessible name. */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div className="h-2 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label={label}>
      <div className="h-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
    </div>
  );
}
