import { describe, expect, it } from "vitest";
import type { MeetingRecorderOptions, RecorderSnapshot } from "@/lib/recording/meeting-recorder";
import { RecordingController } from "@/lib/recording/recording-controller";
import { RECORDING_FORMATS } from "@/lib/recording/recording-format";
import type { RecordingScene } from "@/lib/recording/recording-scene";

class FakeRecorder {
  snapshot: RecorderSnapshot;
  scenes: RecordingScene[] = [];
  stopped = false;
  private listeners = new Set<(snapshot: RecorderSnapshot) => void>();
  constructor(readonly options: MeetingRecorderOptions) {
    this.snapshot = { recordingId: options.recordingId, status: "recording", recordedBytes: 0, uploadedBytes: 0, error: null };
  }
  on(listener: (snapshot: RecorderSnapshot) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  setScene(scene: RecordingScene) {
    this.scenes.push(scene);
  }
  stop() {
    this.stopped = true;
    return Promise.resolve();
  }
  change(change: Partial<RecorderSnapshot>) {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener(this.snapshot);
  }
}

const format = RECORDING_FORMATS.low;
const scene: RecordingScene = { layout: { kind: "grid", tiles: [] }, audio: [] };

function controller() {
  const made: FakeRecorder[] = [];
  const subject = new RecordingController(format, (options) => {
    const recorder = new FakeRecorder(options);
    made.push(recorder);
    return recorder;
  });
  return { subject, made };
}

describe("RecordingController", () => {
  it("records while the room names this browser, with the latest scene, and stops when it no longer does", () => {
    const { subject, made } = controller();
    subject.setScene(scene);
    subject.follow("rec-1", "room");
    subject.follow("rec-1", "room");
    expect(made).toHaveLength(1);
    expect(made[0]!.options).toEqual({ ...format, recordingId: "rec-1", roomId: "room" });
    expect(made[0]!.scenes).toEqual([scene]);
    subject.follow(null, "room");
    expect(made[0]!.stopped).toBe(true);
    expect(subject.snapshot).toBeNull();
  });

  it("a new recording id stops the old recorder and starts another; changes and failures are reported", () => {
    const { subject, made } = controller();
    const changes: (RecorderSnapshot | null)[] = [];
    const errors: string[] = [];
    subject.onChange((snapshot) => changes.push(snapshot));
    subject.onError((message) => errors.push(message));
    subject.follow("rec-1", "room");
    subject.follow("rec-2", "room");
    expect(made.map((recorder) => recorder.stopped)).toEqual([true, false]);
    made[0]!.change({ uploadedBytes: 10 });
    made[1]!.change({ status: "failed", error: "network" });
    expect(changes.map((snapshot) => snapshot?.recordingId)).toEqual(["rec-1", "rec-2", "rec-2"]);
    expect(errors).toEqual(["Recording failed: network"]);
  });

  it("says so when this browser cannot record at all", () => {
    const errors: string[] = [];
    const subject = new RecordingController(format, () => {
      throw new Error("This browser cannot record meetings (no WebM MediaRecorder).");
    });
    subject.onError((message) => errors.push(message));
    subject.follow("rec-1", "room");
    expect(errors).toEqual(["This browser cannot record meetings (no WebM MediaRecorder)."]);
    expect(subject.snapshot).toBeNull();
  });
});
