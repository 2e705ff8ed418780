"use client";

import { useEffect, useState } from "react";
import type { RecorderSnapshot } from "@/lib/recording/meeting-recorder";
import type { ActiveRecording } from "@/lib/signaling/room-settings";

function elapsed(since: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * REC, for everyone, whenever the meeting room says the meeting is recorded: it follows the room's state, not the
 * recorder's browser, so the recorder cannot hide it. The recorder also sees how the upload keeps up.
 */
export function RecordingBadge({ recording, recorderName, own }: { recording: ActiveRecording | null; recorderName: string | null; own: RecorderSnapshot | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (recording === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [recording]);
  if (recording === null) return null;
  const behind = own ? Math.max(0, own.recordedBytes - own.uploadedBytes) : 0;
  return (
    <span data-testid="recording-badge" className="flex items-center gap-1.5 rounded bg-danger px-2 py-0.5 text-xs font-medium text-on-danger" title={recorderName ? `Recorded by ${recorderName}` : "Recorded"}>
      <span aria-hidden className="size-2 animate-pulse rounded-full bg-on-danger motion-reduce:animate-none" />
      REC <span className="tabular-nums">{elapsed(recording.startedAt, now)}</span>
      {own ? <span className="font-normal">· {own.status === "failed" ? "upload failed" : behind > 512 * 1024 ? "uploading…" : "saved as it goes"}</span> : null}
    </span>
  );
}
