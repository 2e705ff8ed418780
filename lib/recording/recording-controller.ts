import { TypedEmitter } from "../rtc/typed-emitter";
import { MeetingRecorder, type MeetingRecorderOptions, type RecorderSnapshot } from "./meeting-recorder";
import type { RecordingFormat } from "./recording-format";
import type { RecordingScene } from "./recording-scene";

type Recorder = Pick<MeetingRecorder, "snapshot" | "on" | "setScene" | "stop">;

/**
 * Makes this browser record exactly when the meeting room says it is the recorder: `follow(id)` starts a
 * MeetingRecorder for a new recording id and stops (and finishes uploading) the previous one; `follow(null)`
 * stops. The latest scene goes to whichever recorder runs.
 */
export class RecordingController {
  private readonly events = new TypedEmitter<{ change: RecorderSnapshot | null; error: string }>();
  private recorder: Recorder | null = null;
  private unsubscribe: (() => void) | null = null;
  private scene: RecordingScene | null = null;

  constructor(
    private readonly format: RecordingFormat,
    private readonly createRecorder: (options: MeetingRecorderOptions) => Recorder = (options) => new MeetingRecorder(options),
  ) {}

  get snapshot(): RecorderSnapshot | null {
    return this.recorder?.snapshot ?? null;
  }

  /** Every start, stop and upload progress of the recorder that runs. */
  onChange(listener: (snapshot: RecorderSnapshot | null) => void): () => void {
    return this.events.on("change", listener);
  }

  /** Sentences for the person: a recorder that could not start, or failed. */
  onError(listener: (message: string) => void): () => void {
    return this.events.on("error", listener);
  }

  follow(recordingId: string | null, roomId: string): void {
    if ((this.recorder?.snapshot.recordingId ?? null) === recordingId) return;
    this.stopCurrent();
    if (recordingId !== null) this.startNew(recordingId, roomId);
    this.events.emit("change", this.snapshot);
  }

  setScene(scene: RecordingScene): void {
    this.scene = scene;
    this.recorder?.setScene(scene);
  }

  private startNew(recordingId: string, roomId: string): void {
    let recorder: Recorder;
    try {
      recorder = this.createRecorder({ ...this.format, recordingId, roomId });
    } catch (error) {
      this.events.emit("error", error instanceof Error ? error.message : "Recording could not start.");
      return;
    }
    if (this.scene) recorder.setScene(this.scene);
    this.recorder = recorder;
    this.unsubscribe = recorder.on((snapshot) => {
      if (snapshot.status === "failed") this.events.emit("error", `Recording failed: ${snapshot.error ?? "unknown error"}`);
      if (this.recorder === recorder) this.events.emit("change", snapshot);
    });
  }

  private stopCurrent(): void {
    const { recorder, unsubscribe } = this;
    this.recorder = null;
    this.unsubscribe = null;
    // The upload outlives this recorder's turn: the last seconds still reach the app after a stop or a leave.
    if (recorder) void recorder.stop().finally(() => unsubscribe?.());
  }
}
