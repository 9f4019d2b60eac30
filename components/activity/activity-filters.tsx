import { buttonClass } from "@/components/ui/button";
import { KIND_LABELS, STATUS_LABELS } from "@/lib/activity/schemas";

export type TActivityFilterValues = { status?: string; kind?: string; from?: string; to?: string; q?: string };

const INPUT = "rounded-md border border-slate-300 px-3 py-2 text-sm";

/** Filters and search as a plain GET form: every view has its own address. */
export function ActivityFilters({ values }: { values: TActivityFilterValues }) {
  return (
    <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter QuickBooks activity">
      <label className="text-sm">
        <span className="mb-1 block font-medium text-slate-700">Search</span>
        <input name="q" type="search" defaultValue={values.q ?? ""} placeholder="Job, payout or document number" className={`${INPUT} w-64`} />
      </label>
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

function SelectFilter({ name, label, anyLabel, options, value }: { name: string; label: string; anyLabel: string; options: Record<string, string>; value?: string }) {
  return (
    <label className="text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={INPUT}>
        <option value="">{anyLabel}</option>
        {Object.entries(options).map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </label>
  );
}
