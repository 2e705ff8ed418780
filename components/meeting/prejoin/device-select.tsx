"use client";

import type { DeviceOption } from "@/lib/media/media-devices";

type Props = {
  id: string;
  label: string;
  options: DeviceOption[];
  value: string | null;
  onChange: (deviceId: string) => void;
  disabled?: boolean;
  /** Shown as the only option when the list is empty (before permission, or no such device). */
  emptyText: string;
};

export function DeviceSelect({ id, label, options, value, onChange, disabled, emptyText }: Props) {
  const known = value !== null && options.some((option) => option.deviceId === value);
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-fg-muted">
        {label}
      </label>
      <select
        id={id}
        className="block w-full truncate rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-fg disabled:text-fg-muted"
        value={known ? value : (options[0]?.deviceId ?? "")}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled || options.length === 0}
      >
        {options.length === 0 ? <option value="">{emptyText}</option> : null}
        {options.map((option) => (
          <option key={option.deviceId} value={option.deviceId}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
