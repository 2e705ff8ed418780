import type { Recording } from "@/lib/db/generated/client";

/** A recording as pages and the API show it (sizes as numbers: a part is at most 4 GiB, well inside 2^53). */
export type RecordingView = {
  id: string;
  roomId: string;
  meetingId: string;
  part: number;
  status: "recording" | "processing" | "ready" | "failed";
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
  size: number | null;
  failureReason: string | null;
  retainUntil: string | null;
  canDelete: boolean;
};

export function recordingView(row: Recording, canDelete: boolean): RecordingView {
  return {
    id: row.id,
    roomId: row.roomId,
    meetingId: row.meetingId,
    part: row.part,
    status: row.status.toLowerCase() as RecordingView["status"],
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    size: row.size === null ? null : Number(row.size),
    failureReason: row.failureReason,
    retainUntil: row.retainUntil?.toISOString() ?? null,
    canDelete,
  };
}
