"use client";

import { FieldNotes, describedByFor, inputClasses } from "@/components/ui/field";
import { worstContrast } from "@/lib/domain/branding/brand-color";
import { AA_TEXT, formatRatio, isHexColor } from "@/lib/domain/branding/contrast";
import { PICKER_PLACEHOLDER_COLOR } from "@/lib/domain/branding/branding-input";

type Props = {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** The nearest passing shade the server offered with its refusal. */
  suggestion?: string;
};

/**
 * A brand colour as #rrggbb text (exact, and usable with a screen reader) beside the browser's colour picker,
 * with the contrast it measures as it is typed. The server checks it again on save.
 */
export function ColorField({ id, name, label, value, onChange, error, suggestion }: Props) {
  const valid = isHexColor(value);
  const measured = valid ? worstContrast(value) : null;
  const hint = measured
    ? `${formatRatio(measured.ratio)}:1 against ${measured.surface} (at least ${AA_TEXT}:1 needed for text).`
    : "Enter #rrggbb, for example #4338ca.";
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={name}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          required
          maxLength={7}
          spellCheck={false}
          autoComplete="off"
          className={`${inputClasses} max-w-40 font-mono`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByFor(id, hint, error)}
        />
        <input
          type="color"
          aria-label={`${label}: picker`}
          value={valid ? value : PICKER_PLACEHOLDER_COLOR}
          onChange={(event) => onChange(event.target.value)}
          className="h-10 w-12 cursor-pointer rounded-md border border-line-strong bg-surface p-1"
        />
      </div>
      <FieldNotes id={id} hint={hint} error={error} />
      {suggestion ? (
        <button type="button" onClick={() => onChange(suggestion)} className="text-sm text-link underline">
          Use {suggestion} instead
        </button>
      ) : null}
    </div>
  );
}
