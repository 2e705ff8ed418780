"use client";

import { useId, useRef } from "react";

const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/** The browser's own video player (seek, volume, full screen) plus a playback-speed choice. */
export function RecordingPlayer({ src, label }: { src: string; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  const speedId = useId();
  return (
    <div className="space-y-2">
      <video ref={video} src={src} controls preload="metadata" aria-label={label} className="w-full rounded-md bg-stage" />
      <div className="flex items-center gap-2 text-sm">
        <label htmlFor={speedId} className="font-medium text-fg">
          Speed
        </label>
        <select
          id={speedId}
          defaultValue="1"
          className="rounded-md border border-line-strong px-2 py-1"
          onChange={(event) => {
            if (video.current) video.current.playbackRate = Number(event.target.value);
          }}
        >
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
