"use client";

export type TChoice<T extends string> = { value: T; label: string; hint: string };

/** One choice among a few, each with a line of explanation (the configuration's radio questions). */
export function RadioGroup<T extends string>({ legend, name, choices, value, onChange, error }: { legend: string; name: string; choices: TChoice<T>[]; value: T | undefined; onChange: (value: T) => void; error?: string }) {
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className={`flex cursor-pointer gap-3 rounded-md p-3 ring-1 ${value === choice.value ? "bg-brand-50 ring-brand-600" : "ring-slate-200"}`}>
          <input type="radio" name={name} value={choice.value} checked={value === choice.value} onChange={() => onChange(choice.value)} aria-label={choice.label} />
          <span>
            <span className="block text-sm font-medium">{choice.label}</span>
            <span className="block text-xs text-slate-500">{choice.hint}</span>
          </span>
        </label>
      ))}
      {error && (
        <p role="alert" className="text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
