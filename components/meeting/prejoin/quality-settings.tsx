"use client";

import type { QualityChoiceHandle } from "@/components/meeting/hooks/use-quality-choice";
import { RECEIVE_QUALITIES, RECEIVE_QUALITY_LABELS, SEND_QUALITIES, SEND_QUALITY_LABELS, type ReceiveQuality, type SendQuality } from "@/lib/domain/video-quality";

const selectClasses = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

/** Send and receive quality, in the lobby and the meeting's Devices dialog; "Auto" leaves it to the connection. */
export function QualitySettings({ quality, idPrefix }: { quality: QualityChoiceHandle; idPrefix: string }) {
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="mb-1 text-sm font-semibold text-slate-900">Video quality</legend>
      <label htmlFor={`${idPrefix}-send-quality`} className="text-sm font-medium text-slate-800">
        What you send
        <select id={`${idPrefix}-send-quality`} className={selectClasses} value={quality.send} onChange={(event) => quality.setSend(event.target.value as SendQuality)}>
          {SEND_QUALITIES.map((value) => (
            <option key={value} value={value}>
              {SEND_QUALITY_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${idPrefix}-receive-quality`} className="text-sm font-medium text-slate-800">
        What you receive
        <select id={`${idPrefix}-receive-quality`} className={selectClasses} value={quality.receive} onChange={(event) => quality.setReceive(event.target.value as ReceiveQuality)}>
          {RECEIVE_QUALITIES.map((value) => (
            <option key={value} value={value}>
              {RECEIVE_QUALITY_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
