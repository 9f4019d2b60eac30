import { JOB_STATUS_LABELS } from "@/components/jobs/job-status-badge";
import { buttonClass } from "@/components/ui/button";
import { SearchFilter, SelectFilter as Select } from "@/components/ui/select-filter";
import { INVOICE_FILTER_LABELS } from "@/lib/jobs/list-schemas";

const SOURCES = { XOMETRY: "Xometry", IN_HOUSE: "In-house" };

/** Search and filters as a plain GET form: every view has its own address. */
export function JobsFilters({ values }: { values: Record<string, string | undefined> }) {
  return (
    <form className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter jobs">
      <SearchFilter value={values.q} placeholder="Job number, part or customer" />
      <Select name="source" label="Source" anyLabel="All sources" options={SOURCES} value={values.source} />
      <Select name="status" label="Status" anyLabel="All but offers" options={JOB_STATUS_LABELS} value={values.status} />
      <Select name="invoice" label="Invoice" anyLabel="Any invoice" options={INVOICE_FILTER_LABELS} value={values.invoice} />
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
    </form>
  );
}
