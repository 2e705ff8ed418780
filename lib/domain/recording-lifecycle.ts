/**
 * The life of one recording part, as the app sees it. PartyKit decides when a recording starts and stops; the
 * recorder's browser uploads the file while it records; the app turns whatever arrived into a seekable file.
 *
 *   recording ──(upload finished | stopped and quiet | recorder gone)──▶ processing ──▶ ready
 *                                                                                  └──▶ failed
 *
 * Pure: times are passed in, so the sweep and the tests agree on what "quiet for long enough" means.
 */

export type RecordingStatus = "recording" | "processing" | "ready" | "failed";

export type RecordingEvent =
  | { type: "finalize-started" }
  | { type: "finalized" }
  | { type: "failed" }
  /** A finalize that died half-way (the process stopped) is taken up again by the sweep. */
  | { type: "finalize-retried" };

const TRANSITIONS: Record<RecordingStatus, Partial<Record<RecordingEvent["type"], RecordingStatus>>> = {
  recording: { "finalize-started": "processing" },
  processing: { finalized: "ready", failed: "failed", "finalize-retried": "processing" },
  ready: {},
  failed: {},
};

/** The next status, or null when the event does not apply (a second finalize of a ready recording, say). */
export function nextRecordingStatus(status: RecordingStatus, event: RecordingEvent): RecordingStatus | null {
  return TRANSITIONS[status][event.type] ?? null;
}

/**
 * Without any stop from the room, an upload that has been silent this long has lost its recorder (tab closed, and
 * the room's event about it lost or late): finalize what arrived. Long enough to ride out a network hiccup, which
 * tus-js-client retries within seconds.
 */
export const RECORDER_GONE_IDLE_MS = 120_000;

/** When the room says the recorder left, a chunk already on its way still gets this long to land. */
export const RECORDER_LEFT_GRACE_MS = 5_000;

/** A finalize that has not ended after this long died with its process; the sweep starts it again. */
export const STALE_PROCESSING_MS = 10 * 60_000;

export type FinalizeFacts = {
  status: RecordingStatus;
  /** Every declared byte arrived (the recorder stopped cleanly). */
  uploadFinished: boolean;
  /** Set once the room said the recording stopped, with why. */
  stopReason: string | null;
  endedAt: Date | null;
  /** When the last bytes arrived (or the row was made, before any did). */
  lastActivityAt: Date;
  /** When the row last changed (for a processing one: when its finalize began). */
  updatedAt: Date;
};

export type FinalizeDecision =
  | { finalize: false }
  | { finalize: true; why: "upload-finished" | "stopped-and-quiet" | "recorder-left" | "recorder-gone" | "stale-processing" };

/**
 * Whether to turn a recording into its file now, from what arrived. A recording that stopped waits until its
 * upload has been quiet for `idleAfterStopMs`, since the browser sends its last chunks after the stop.
 */
export function finalizeDecision(facts: FinalizeFacts, now: Date, idleAfterStopMs: number): FinalizeDecision {
  if (facts.status === "processing") {
    return now.getTime() - facts.updatedAt.getTime() >= STALE_PROCESSING_MS ? { finalize: true, why: "stale-processing" } : { finalize: false };
  }
  if (facts.status !== "recording") return { finalize: false };
  if (facts.uploadFinished) return { finalize: true, why: "upload-finished" };
  const quietFor = now.getTime() - facts.lastActivityAt.getTime();
  if (facts.endedAt !== null) {
    if (facts.stopReason === "recorder-left" && quietFor >= RECORDER_LEFT_GRACE_MS) return { finalize: true, why: "recorder-left" };
    if (quietFor >= idleAfterStopMs) return { finalize: true, why: "stopped-and-quiet" };
    return { finalize: false };
  }
  return quietFor >= RECORDER_GONE_IDLE_MS ? { finalize: true, why: "recorder-gone" } : { finalize: false };
}

const DAY_MS = 86_400_000;

/** Recordings go (blob and row) this many days after they end: from the stop, or the last bytes if none came. */
export function recordingRetainUntil(endedAt: Date, retentionDays: number): Date {
  return new Date(endedAt.getTime() + retentionDays * DAY_MS);
}

/** A Matroska duration (in TimestampScale units, nanoseconds each) in whole milliseconds. */
export function matroskaDurationMs(duration: number, timestampScaleNs: number): number {
  return Math.round((duration * timestampScaleNs) / 1_000_000);
}

/** A meeting's parts in recording order; a part number seen twice (a replayed start) keeps the earlier one first. */
export function orderParts<T extends { part: number; startedAt: Date | string }>(parts: readonly T[]): T[] {
  const time = (at: Date | string) => new Date(at).getTime();
  return [...parts].sort((a, b) => a.part - b.part || time(a.startedAt) - time(b.startedAt));
}
