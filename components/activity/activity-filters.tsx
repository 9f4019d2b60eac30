import { buttonClass } from "@/components/ui/button";
import { FILTER_INPUT as INPUT, SearchFilter, SelectFilter } from "@/components/ui/select-filter";
import { KIND_LABELS, STATUS_LABELS } from "@/lib/activity/schemas";

export type TActivityFilterValues = { status?: string; kind?: string; from?: string; to?: string; q?: string };

/** Filters and search as a plain GET form: every view has its own address. */
export function ActivityFilters({ values }: { values: TActivityFilterValues }) {
  return (
    <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter QuickBooks activity">
      <SearchFilter value={values.q} placeholder="Job, payout or document number" />
      <SelectFilter name="status" label="Status" anyLabel="Any status" options={STATUS_LABELS} value={values.status} />
      <SelectFilter name="kind" label="Kind" anyLabel="Any kind" options={KIND_LABELS} value={values.kind} />
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">From</span>
        <input name="from" type="date" defaultValue={values.from ?? ""} className={INPUT} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">To</span>
        <input name="to" type="date" defaultValue={values.to ?? ""} className={INPUT} />
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
    </form>
  );
}
