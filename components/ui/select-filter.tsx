export const FILTER_INPUT = "rounded-md border border-slate-300 px-3 py-2 text-sm";

/** A labelled select of a GET filter form; the empty value means "any". */
export function SelectFilter({ name, label, anyLabel, options, value }: { name: string; label: string; anyLabel: string; options: Record<string, string>; value?: string }) {
  return (
    <label className="text-sm">
      <span className="mb-1 block font-medium text-slate-700">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={FILTER_INPUT}>
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

/** The search box of a GET filter form (`q`). */
export function SearchFilter({ value, placeholder }: { value?: string; placeholder: string }) {
  return (
    <label className="text-sm">
      <span className="mb-1 block font-medium text-slate-700">Search</span>
      <input name="q" type="search" defaultValue={value ?? ""} placeholder={placeholder} className={`${FILTER_INPUT} w-64`} />
    </label>
  );
}
