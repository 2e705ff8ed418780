/**
 * Browser side of tests/e2e/effects.spec.ts and bench/effects: one participant on lib/rtc with the camera going
 * through lib/media/effects (as the app will), or a receiver that measures what arrives. Driven through
 * `window.effects`; signals go through the Node test via the `sendSignal` binding, like rtc-harness.ts.
 */
import { PeerMesh, type PeerMeshEvents } from "../../../lib/rtc";
import type { RtcSignal } from "../../../lib/signaling/rtc-signal";
import type { BackgroundImageId, VideoEffectSettings } from "../../../lib/media/effects/effect-settings";
import { type NoiseModel, noiseSuppressionAssets, NoiseSuppressor } from "../../../lib/media/effects/noise-suppression";
import { drawBackground } from "../../../lib/media/effects/video/background-images";
import type { PipelineStats } from "../../../lib/media/effects/video/effects-pipeline";
import { VideoEffectsProcessor } from "../../../lib/media/effects/video/video-effects-processor";
import { VideoEffectsSwitch } from "../../../lib/media/effects/video-effects-switch";
import { averageMetrics, type Region, type RegionMetrics, regionMetrics } from "./frame-metrics";

export type EffectsStartOptions = {
  selfId: string;
  video: { width: number; height: number; frameRate: number } | false;
  /** null: no microphone; otherwise whether noise suppression starts on. */
  noiseSuppression: boolean | null;
  noiseModel?: NoiseModel;
  /** Forces the main-thread fallback instead of the worker. */
  mainThread?: boolean;
};

let mesh: PeerMesh | null = null;
let camera: MediaStreamTrack | null = null;
let effectsSwitch: VideoEffectsSwitch | null = null;
let suppressor: NoiseSuppressor | null = null;
let lastStats: (PipelineStats & { state: unknown }) | null = null;
const errors: string[] = [];
const remote = { video: null as HTMLVideoElement | null, frames: 0, lastFrameAt: 0, maxGapMs: 0, audio: null as MediaStreamTrack | null };
/** Gaps over 100 ms between painted frames: when they ended (Date.now(), comparable across pages) and how long. */
const longGaps: { endedAt: number; ms: number }[] = [];
const references = new Map<string, ImageData>();
const preview = document.createElement("video");

function watchFrames(element: HTMLVideoElement): void {
  element.requestVideoFrameCallback((now) => {
    if (remote.lastFrameAt > 0) remote.maxGapMs = Math.max(remote.maxGapMs, now - remote.lastFrameAt);
    if (remote.lastFrameAt > 0 && now - remote.lastFrameAt > 100) longGaps.push({ endedAt: Date.now(), ms: now - remote.lastFrameAt });
    remote.lastFrameAt = now;
    remote.frames += 1;
    watchFrames(element);
  });
}

function showRemoteTrack({ slot, track }: PeerMeshEvents["remote-track"]): void {
  if (slot === "screen") return;
  const element = document.createElement(slot === "audio" ? "audio" : "video");
  Object.assign(element, { autoplay: true, muted: slot !== "audio", playsInline: true });
  element.srcObject = new MediaStream([track]);
  document.body.append(element);
  if (slot === "audio") remote.audio = track;
  else {
    remote.video = element as HTMLVideoElement;
    watchFrames(remote.video);
  }
}

/** Which picture to measure: what the receiver decoded, or the sender's own preview (the effect's output, before the encoder). */
export type FrameSource = "remote" | "preview";

function grab(source: FrameSource = "remote"): ImageData {
  const video = source === "remote" ? remote.video : preview;
  if (!video || video.videoWidth === 0) throw new Error(`no ${source} video yet`);
  const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  context.drawImage(video, 0, 0);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const effects = {
  async start(options: EffectsStartOptions): Promise<void> {
    const audio = options.noiseSuppression !== null;
    // A receiver opens no device. The browser's suppressor and gain control stay off so levels compare; echo cancellation stays on.
    const stream = options.video === false && !audio ? new MediaStream() : await navigator.mediaDevices.getUserMedia({
      video: options.video,
      audio: audio ? { echoCancellation: true, noiseSuppression: false, autoGainControl: false } : false,
    });
    camera = stream.getVideoTracks()[0] ?? null;
    if (camera) {
      Object.assign(preview, { autoplay: true, muted: true, playsInline: true, width: 160, height: 90 });
      preview.srcObject = new MediaStream([camera]);
      document.body.append(preview);
    }
    const microphone = stream.getAudioTracks()[0] ?? null;
    mesh = new PeerMesh({ selfId: options.selfId, iceServers: [], send: (to: string, signal: RtcSignal) => void window.sendSignal(options.selfId, to, signal) });
    mesh.on("remote-track", showRemoteTrack);
    mesh.on("error", ({ peerId, operation, error }) => errors.push(`${peerId} ${operation}: ${String(error)}`));
    if (microphone && options.noiseSuppression !== null) {
      // Playwright's page.route does not see worklet module requests: fetch the script (routed) and add it as a blob.
      const assets = noiseSuppressionAssets[options.noiseModel ?? "rnnoise"];
      const script = await (await fetch(assets.workletUrl)).text();
      const workletUrl = URL.createObjectURL(new Blob([script], { type: "text/javascript" }));
      suppressor = await NoiseSuppressor.start(microphone, options.noiseSuppression, { ...assets, workletUrl });
    }
    await mesh.setLocalMedia({ audio: suppressor?.track ?? microphone, video: camera });
    effectsSwitch = new VideoEffectsSwitch({
      createProcessor: async () => {
        const processor = new VideoEffectsProcessor({ createWorker: () => new Worker("/effects-worker.js"), mode: options.mainThread ? "main-thread" : "auto" });
        processor.on("stats", (stats) => (lastStats = stats));
        return processor;
      },
      publish: (track) => {
        // The local preview, as in the app: the published track is also what the person sees of themselves.
        preview.srcObject = track ? new MediaStream([track]) : null;
        return requireMesh().setLocalMedia({ video: track });
      },
      onError: (error) => errors.push(`effects: ${String(error)}`),
    });
  },

  connect: (peerId: string) => requireMesh().connect(peerId),
  receive: (fromId: string, signal: RtcSignal) => requireMesh().handleSignal(fromId, signal),

  async setEffects(settings: VideoEffectSettings): Promise<{ usesWorker: boolean | null }> {
    await effectsSwitch!.update(camera, settings);
    return { usesWorker: effectsSwitch!.current?.usesWorker ?? null };
  },

  setNoiseSuppression: (enabled: boolean) => suppressor?.setEnabled(enabled),

  processorStats: () => lastStats,
  errors: () => [...errors],

  /** Resets the receiver's frame counters; `remoteFrames()` then says how many arrived and the longest gap. */
  resetFrameGaps(): void {
    Object.assign(remote, { frames: 0, lastFrameAt: 0, maxGapMs: 0 });
    longGaps.length = 0;
  },
  longGaps: () => [...longGaps],
  remoteFrames: () => ({ frames: remote.frames, maxGapMs: remote.maxGapMs, size: remote.video ? `${remote.video.videoWidth}x${remote.video.videoHeight}` : null }),
  hasRemoteAudio: () => remote.audio !== null,

  /** Keeps the current remote frame under `name`, to compare later frames with. */
  keepReference(name: string, source: FrameSource = "remote"): void {
    references.set(name, grab(source));
  },

  /** Metrics of `count` remote frames 120 ms apart, averaged; against a kept frame, a built-in image, or nothing. */
  async measure(regions: Region[], against: { kept: string } | { image: BackgroundImageId } | null, count = 5, source: FrameSource = "remote"): Promise<RegionMetrics[]> {
    const samples: RegionMetrics[][] = [];
    for (let index = 0; index < count; index += 1) {
      const frame = grab(source);
      let reference: ImageData | null = null;
      if (against && "kept" in against) reference = references.get(against.kept) ?? null;
      if (against && "image" in against) {
        const canvas = new OffscreenCanvas(frame.width, frame.height);
        const context = canvas.getContext("2d")!;
        drawBackground(context, against.image, frame.width, frame.height);
        reference = context.getImageData(0, 0, frame.width, frame.height);
      }
      samples.push(regions.map((region) => regionMetrics(frame, region, reference)));
      await sleep(120);
    }
    return averageMetrics(samples);
  },

  /** RMS level (dBFS) of the remote audio in consecutive 20 ms windows, for `durationMs`. */
  async remoteAudioLevels(durationMs: number): Promise<number[]> {
    if (!remote.audio) throw new Error("no remote audio yet");
    const context = new AudioContext({ sampleRate: 48_000 });
    await context.audioWorklet.addModule(levelMeterModule());
    const meter = new AudioWorkletNode(context, "level-meter");
    const levels: number[] = [];
    meter.port.onmessage = ({ data }: MessageEvent<number>) => levels.push(data);
    context.createMediaStreamSource(new MediaStream([remote.audio])).connect(meter);
    await sleep(durationMs);
    await context.close();
    return levels;
  },
};

/** A worklet that posts the RMS of every 960 samples (20 ms at 48 kHz) in dBFS: no sample is missed, unlike polling an analyser. */
function levelMeterModule(): string {
  const source = `registerProcessor("level-meter", class extends AudioWorkletProcessor {
    sum = 0; count = 0;
    process([input]) {
      const channel = input && input[0];
      if (channel) for (const sample of channel) { this.sum += sample * sample; if (++this.count === 960) {
        this.port.postMessage(10 * Math.log10(this.sum / 960 + 1e-12)); this.sum = 0; this.count = 0; } }
      return true;
    }
  });`;
  return URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
}

function requireMesh(): PeerMesh {
  if (!mesh) throw new Error("effects.start() first");
  return mesh;
}

export type EffectsHarness = typeof effects;

declare global {
  interface Window {
    effects: EffectsHarness;
  }
}

window.effects = effects;
