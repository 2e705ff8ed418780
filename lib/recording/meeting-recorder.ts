import { TypedEmitter } from "../rtc/typed-emitter";
import { AudioMix } from "./audio-mix";
import { FrameClock } from "./frame-clock";
import { RECORDING_FORMATS, type RecordingFormat } from "./recording-format";
import { RecordingUpload } from "./recording-upload";
import type { RecordingScene } from "./recording-scene";
import { SceneCompositor } from "./scene-compositor";
import { RECORDING_MIME_TYPES, RECORDING_TIMESLICE_MS, type RecordingMimeType } from "./upload-protocol";

const KEYFRAME_INTERVAL_MS = 2_000;

export type RecorderStatus = "recording" | "finishing" | "uploaded" | "failed";

export type RecorderSnapshot = {
  readonly recordingId: string;
  readonly status: RecorderStatus;
  /** Bytes MediaRecorder has produced, and bytes the app has confirmed. */
  readonly recordedBytes: number;
  readonly uploadedBytes: number;
  readonly error: string | null;
};

export type MeetingRecorderOptions = Partial<RecordingFormat> & {
  readonly recordingId: string;
  readonly roomId: string;
  /** Where the app's tus endpoint lives; the page's own origin by default. */
  readonly uploadOrigin?: string;
};

/** The first container this browser's MediaRecorder can write, or null when it cannot record at all. */
export function recordingMimeType(): RecordingMimeType | null {
  if (typeof MediaRecorder === "undefined") return null;
  return RECORDING_MIME_TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

/**
 * Records the meeting as the recorder sees it — the current layout with names on tiles, everyone's audio mixed —
 * and uploads it while it records. Framework-free: the meeting UI feeds it scenes (`setScene`) and observes it
 * (`on("change")`); the meeting room decides when it starts and stops.
 */
export class MeetingRecorder {
  private readonly events = new TypedEmitter<{ change: RecorderSnapshot }>();
  private readonly compositor: SceneCompositor;
  private readonly mix: AudioMix;
  private readonly clock: FrameClock;
  private readonly recorder: MediaRecorder;
  private readonly upload: RecordingUpload;
  private state: RecorderSnapshot;
  private stopping: Promise<void> | null = null;
  private released = false;

  /** Starts at once, with an empty picture until the first `setScene`. */
  constructor(options: MeetingRecorderOptions) {
    const mimeType = recordingMimeType();
    if (mimeType === null) throw new Error("This browser cannot record meetings (no WebM MediaRecorder).");
    const { recordingId, roomId, uploadOrigin } = options;
    const { width, height, fps, videoBitsPerSecond } = { ...RECORDING_FORMATS.hd, ...options };
    this.state = { recordingId, status: "recording", recordedBytes: 0, uploadedBytes: 0, error: null };
    this.compositor = new SceneCompositor(width, height);
    this.mix = new AudioMix();
    this.clock = new FrameClock(fps, () => this.compositor.draw());
    const video = this.compositor.canvas.captureStream(fps).getVideoTracks()[0]!;
    this.recorder = new MediaRecorder(new MediaStream([video, this.mix.track]), {
      mimeType,
      videoBitsPerSecond,
      audioBitsPerSecond: 64_000,
      // A keyframe every two seconds: playback can seek anywhere (Chromium otherwise sends one only at the start).
      videoKeyFrameIntervalDuration: KEYFRAME_INTERVAL_MS,
    } as MediaRecorderOptions);
    this.upload = new RecordingUpload({ recordingId, roomId, mimeType, origin: uploadOrigin, onProgress: (uploadedBytes) => this.update({ uploadedBytes }) });
    this.upload.finished.catch((error: unknown) => this.fail(error));
    this.recorder.ondataavailable = ({ data }) => {
      this.upload.push(data);
      this.update({ recordedBytes: this.state.recordedBytes + data.size });
    };
    this.recorder.onerror = () => this.fail(new Error("The browser stopped recording."));
    this.clock.start();
    this.recorder.start(RECORDING_TIMESLICE_MS);
  }

  get snapshot(): RecorderSnapshot {
    return this.state;
  }

  on(listener: (snapshot: RecorderSnapshot) => void): () => void {
    return this.events.on("change", listener);
  }

  setScene(scene: RecordingScene): void {
    this.compositor.setScene(scene);
    this.mix.setTracks(scene.audio);
  }

  /** Ends the recording: the last piece is written and the upload completes (or fails after its retries). */
  stop(): Promise<void> {
    if (this.stopping) return this.stopping;
    this.update({ status: "finishing" });
    this.stopping = new Promise<void>((resolve) => {
      if (this.recorder.state === "inactive") return resolve();
      this.recorder.addEventListener("stop", () => resolve(), { once: true });
      this.recorder.stop();
    })
      .then(() => {
        this.release();
        return this.upload.finish();
      })
      .then(() => this.update({ status: "uploaded" }))
      .catch((error: unknown) => this.fail(error));
    return this.stopping;
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    this.clock.stop();
    for (const track of this.recorder.stream.getTracks()) track.stop();
    this.compositor.close();
    this.mix.close();
  }

  private fail(error: unknown): void {
    if (this.state.status === "failed") return;
    if (this.recorder.state !== "inactive") this.recorder.stop();
    this.release();
    this.upload.abort();
    this.update({ status: "failed", error: error instanceof Error ? error.message : String(error) });
  }

  private update(change: Partial<RecorderSnapshot>): void {
    this.state = { ...this.state, ...change };
    this.events.emit("change", this.state);
  }
}
