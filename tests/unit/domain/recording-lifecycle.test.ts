import { describe, expect, it } from "vitest";
import {
  type FinalizeFacts,
  RECORDER_GONE_IDLE_MS,
  RECORDER_LEFT_GRACE_MS,
  STALE_PROCESSING_MS,
  finalizeDecision,
  matroskaDurationMs,
  nextRecordingStatus,
  orderParts,
  recordingRetainUntil,
} from "@/lib/domain/recording-lifecycle";
import { RECORDING_IDLE_FINALIZE_MS } from "@/lib/recording/upload-protocol";

const now = new Date("2026-12-03T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const recording = (facts: Partial<FinalizeFacts> = {}): FinalizeFacts => ({
  status: "recording",
  uploadFinished: false,
  stopReason: null,
  endedAt: null,
  lastActivityAt: ago(1_000),
  updatedAt: ago(1_000),
  ...facts,
});
const decide = (facts: Partial<FinalizeFacts>) => finalizeDecision(recording(facts), now, RECORDING_IDLE_FINALIZE_MS);

describe("recording status machine", () => {
  it("goes recording → processing → ready or failed, and nowhere else", () => {
    expect(nextRecordingStatus("recording", { type: "finalize-started" })).toBe("processing");
    expect(nextRecordingStatus("processing", { type: "finalized" })).toBe("ready");
    expect(nextRecordingStatus("processing", { type: "failed" })).toBe("failed");
    expect(nextRecordingStatus("processing", { type: "finalize-retried" })).toBe("processing");
    expect(nextRecordingStatus("recording", { type: "finalized" })).toBeNull();
    expect(nextRecordingStatus("ready", { type: "finalize-started" })).toBeNull();
    expect(nextRecordingStatus("failed", { type: "finalize-started" })).toBeNull();
    expect(nextRecordingStatus("ready", { type: "failed" })).toBeNull();
  });
});

describe("when to finalize", () => {
  it("finalizes a finished upload at once", () => {
    expect(decide({ uploadFinished: true, lastActivityAt: now })).toEqual({ finalize: true, why: "upload-finished" });
  });

  it("waits for a recording that still records, however long it runs, while bytes keep coming", () => {
    expect(decide({ lastActivityAt: ago(5_000) })).toEqual({ finalize: false });
    expect(decide({ lastActivityAt: ago(RECORDER_GONE_IDLE_MS - 1) })).toEqual({ finalize: false });
  });

  it("finalizes from what arrived once a recording without a stop has been quiet for two minutes (recorder gone)", () => {
    expect(RECORDER_GONE_IDLE_MS).toBe(120_000);
    expect(decide({ lastActivityAt: ago(RECORDER_GONE_IDLE_MS) })).toEqual({ finalize: true, why: "recorder-gone" });
  });

  it("after a stop, waits RECORDING_IDLE_FINALIZE_MS of quiet for the last chunks", () => {
    const stopped = { endedAt: ago(1_000), stopReason: "stopped" };
    expect(decide({ ...stopped, lastActivityAt: ago(RECORDING_IDLE_FINALIZE_MS - 1) })).toEqual({ finalize: false });
    expect(decide({ ...stopped, lastActivityAt: ago(RECORDING_IDLE_FINALIZE_MS) })).toEqual({ finalize: true, why: "stopped-and-quiet" });
  });

  it("when the recorder left, only gives a chunk in flight a short grace", () => {
    const left = { endedAt: ago(1_000), stopReason: "recorder-left" };
    expect(decide({ ...left, lastActivityAt: ago(RECORDER_LEFT_GRACE_MS - 1) })).toEqual({ finalize: false });
    expect(decide({ ...left, lastActivityAt: ago(RECORDER_LEFT_GRACE_MS) })).toEqual({ finalize: true, why: "recorder-left" });
  });

  it("retries a finalize only once it is stale, and never touches ready or failed ones", () => {
    expect(decide({ status: "processing", updatedAt: ago(STALE_PROCESSING_MS - 1) })).toEqual({ finalize: false });
    expect(decide({ status: "processing", updatedAt: ago(STALE_PROCESSING_MS) })).toEqual({ finalize: true, why: "stale-processing" });
    expect(decide({ status: "ready", uploadFinished: true })).toEqual({ finalize: false });
    expect(decide({ status: "failed", lastActivityAt: ago(RECORDER_GONE_IDLE_MS * 10) })).toEqual({ finalize: false });
  });
});

describe("parts, duration and retention", () => {
  it("orders a meeting's parts by number, then start", () => {
    const parts = [
      { id: "c", part: 3, startedAt: new Date("2026-12-03T10:20:00Z") },
      { id: "a", part: 1, startedAt: "2026-12-03T10:00:00Z" },
      { id: "b2", part: 2, startedAt: new Date("2026-12-03T10:11:00Z") },
      { id: "b1", part: 2, startedAt: new Date("2026-12-03T10:10:00Z") },
    ];
    expect(orderParts(parts).map((part) => part.id)).toEqual(["a", "b1", "b2", "c"]);
  });

  it("turns a Matroska duration in TimestampScale units into milliseconds", () => {
    expect(matroskaDurationMs(3047, 1_000_000)).toBe(3047);
    expect(matroskaDurationMs(3047, 1_000)).toBe(3);
    expect(matroskaDurationMs(1500.4, 1_000_000)).toBe(1500);
  });

  it("keeps a recording for the policy's days after it ended", () => {
    const ended = new Date("2026-12-03T10:00:00Z");
    expect(recordingRetainUntil(ended, 30).toISOString()).toBe("2027-01-02T10:00:00.000Z");
    expect(recordingRetainUntil(ended, 1).toISOString()).toBe("2026-12-04T10:00:00.000Z");
  });
});
