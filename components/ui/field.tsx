import type { InputHTMLAttributes, ReactNode } from "react";

export const inputClasses =
  "block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-fg placeholder:text-fg-muted aria-[invalid=true]:border-danger";

/** The ids of a field's hint and error, for `aria-describedby`. */
export function describedByFor(id: string, hint: unknown, error: unknown): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's hint and error under it, with the ids `describedByFor` points at. */
export function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-fg-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger-fg">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** A labelled input whose error is tied to it for screen readers. */
export function Field({ label, error, hint, id, ...input }: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; error?: string; hint?: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
      </label>
      <input id={id} className={inputClasses} aria-invalid={error ? true : undefined} aria-describedby={describedByFor(id, hint, error)} {...input} />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
