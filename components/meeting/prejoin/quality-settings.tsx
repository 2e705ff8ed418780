"use client";

import type { QualityChoiceHandle } from "@/components/meeting/hooks/use-quality-choice";
import { RECEIVE_QUALITIES, RECEIVE_QUALITY_LABELS, SEND_QUALITIES, SEND_QUALITY_LABELS } from "@/lib/domain/video-quality";

function QualitySelect<Value extends string>(props: { id: string; label: string; value: Value; values: readonly Value[]; labels: Record<Value, string>; onChange: (value: Value) => void }) {
  const { id, label, value, values, labels, onChange } = props;
  return (
    <label htmlFor={id} className="text-sm font-medium text-fg">
      {label}
      <select
        id={id}
        className="mt-1 block w-full rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-fg"
        value={value}
        onChange={(event) => onChange(values.find((candidate) => candidate === event.target.value) ?? value)}
      >
        {values.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Send and receive quality, in the lobby and the meeting's Devices dialog; "Auto" leaves it to the connection. */
export function QualitySettings({ quality, idPrefix }: { quality: QualityChoiceHandle; idPrefix: string }) {
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-1 text-sm font-semibold text-fg">Video quality</legend>
      <QualitySelect id={`${idPrefix}-send-quality`} label="What you send" value={quality.send} values={SEND_QUALITIES} labels={SEND_QUALITY_LABELS} onChange={quality.setSend} />
      <QualitySelect
        id={`${idPrefix}-receive-quality`}
        label="What you receive"
        value={quality.receive}
        values={RECEIVE_QUALITIES}
        labels={RECEIVE_QUALITY_LABELS}
        onChange={quality.setReceive}
      />
    </fieldset>
  );
}
