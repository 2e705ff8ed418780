import { TypedEmitter } from "../../../rtc/typed-emitter";
import { needsSegmentation, type VideoEffectSettings } from "../effect-settings";
import { effectReducer, type EffectEvent, type EffectState, initialEffectState, modelRate } from "../effect-state";
import type { PipelineStats } from "./effects-pipeline";
import { insertableStreams } from "./insertable-streams";
import { MainThreadLoop } from "./main-thread-loop";
import { defaultEffectsAssets, type EffectsAssets } from "./segmenter";
import type { FromWorker, ToWorker } from "./worker-protocol";

export type VideoEffectsEvents = {
  stats: PipelineStats & { state: EffectState };
  state: EffectState;
};

export type VideoEffectsOptions = {
  assets?: EffectsAssets;
  /** Makes the effects worker (lib/media/effects/video/effects-worker.ts, bundled as a classic worker). */
  createWorker: () => Worker;
  /** "main-thread" forces the fallback (tests); "auto" uses insertable streams where the browser has them. */
  mode?: "auto" | "main-thread";
};

/** The main-thread fallback starts one model-rate step down: it shares its thread with React. */
const FALLBACK_RATE_STEP = 1;

/**
 * Camera track in, processed track out: what is previewed, sent and recorded. The output track exists as soon
 * as start() resolves, which is after the first processed frame, so swapping it in with replaceTrack never
 * sends a black frame; changing effects afterwards changes only the pipeline's settings, not the track.
 */
export class VideoEffectsProcessor extends TypedEmitter<VideoEffectsEvents> {
  private worker: Worker | null = null;
  private fallback: MainThreadLoop | null = null;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private output: MediaStreamTrack | null = null;
  private settings: VideoEffectSettings = { background: { kind: "none" }, lowLight: false };
  private effect: EffectState = initialEffectState;
  private cpuLimited = false;
  private minFps = 24;
  private pendingReady = 0;
  private rateStep = 0;
  private readyForSettings: (() => void) | null = null;
  /** The model is loaded in this processor's pipeline: background effects can be switched on without a stall. */
  segmentationLoaded = false;
  private readonly assets: EffectsAssets;

  constructor(private readonly options: VideoEffectsOptions) {
    super();
    this.assets = options.assets ?? defaultEffectsAssets;
  }

  get state(): EffectState {
    return this.effect;
  }

  get usesWorker(): boolean {
    return this.worker !== null;
  }

  async start(source: MediaStreamTrack, settings: VideoEffectSettings): Promise<MediaStreamTrack> {
    if (this.output) throw new Error("VideoEffectsProcessor already started");
    this.settings = settings;
    this.minFps = Math.min(source.getSettings().frameRate ?? 30, 30) * 0.8;
    this.dispatch({ type: "enable" });
    const streams = this.options.mode === "main-thread" ? null : insertableStreams();
    if (streams) {
      const processor = new streams.Processor({ track: source.clone(), maxBufferSize: 1 });
      const generator = new streams.Generator({ kind: "video" });
      const worker = (this.worker = this.options.createWorker());
      const firstFrame = new Promise<void>((resolve, reject) => {
        worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
          if (data.type === "first-frame") resolve();
          if (data.type === "error") reject(new Error(data.message));
          this.onWorkerMessage(data);
        };
        worker.onerror = (event) => reject(new Error(event.message || "effects worker failed to load"));
      });
      this.pendingReady = 1;
      const start: ToWorker = { type: "start", readable: processor.readable, writable: generator.writable, settings, modelRate: this.rate(), assets: this.assets };
      worker.postMessage(start, [processor.readable, generator.writable] as unknown as Transferable[]);
      this.output = generator;
      const ready = new Promise<void>((resolve) => (this.readyForSettings = resolve));
      // Both: loading the model blocks the worker for a moment, which must happen before the track is published.
      await this.untilStarted(Promise.all([firstFrame, ready]).then(() => {}));
    } else {
      this.rateStep = FALLBACK_RATE_STEP;
      this.fallback = new MainThreadLoop(source, this.assets);
      this.output = this.fallback.track;
      this.statsTimer = setInterval(() => this.onStats(this.fallback!.takeStats()), 1000);
      const configured = this.configureFallback();
      await this.untilStarted(Promise.all([this.fallback.firstFrameDrawn, configured]).then(() => {}));
    }
    return this.output;
  }

  setEffects(settings: VideoEffectSettings): void {
    const loadsModel = needsSegmentation(settings) && !needsSegmentation(this.settings);
    this.settings = settings;
    if (loadsModel && this.effect.phase === "running") this.dispatch({ type: "disable" }, { type: "enable" });
    this.sendSettings();
  }

  /** From the sender's stats: an encoder limited by CPU counts as overload (see effect-state.ts). */
  reportEncoderLimitation(cpuLimited: boolean): void {
    this.cpuLimited = cpuLimited;
  }

  stop(): void {
    this.worker?.postMessage({ type: "stop" } satisfies ToWorker);
    // Give the worker a moment to close its streams and the model, then make sure it is gone.
    const worker = this.worker;
    if (worker) setTimeout(() => worker.terminate(), 500);
    this.fallback?.stop();
    if (this.statsTimer) clearInterval(this.statsTimer);
    this.output?.stop();
    this.worker = null;
    this.fallback = null;
    this.output = null;
    this.dispatch({ type: "disable" });
    this.clear();
  }

  private async untilStarted(firstFrame: Promise<void>): Promise<void> {
    try {
      await firstFrame;
    } catch (error) {
      this.dispatch({ type: "failed", error: error instanceof Error ? error.message : String(error) });
      this.stop();
      throw error;
    }
  }

  private rate(): number {
    return modelRate({ ...this.effect, modelRateIndex: this.effect.modelRateIndex + this.rateStep });
  }

  private sendSettings(): void {
    if (this.worker) {
      this.pendingReady += 1;
      this.worker.postMessage({ type: "configure", settings: this.settings, modelRate: this.rate() } satisfies ToWorker);
    } else if (this.fallback) {
      void this.configureFallback();
    }
  }

  private async configureFallback(): Promise<void> {
    try {
      const settings = this.settings;
      await this.fallback?.configure(settings, this.rate());
      if (needsSegmentation(settings)) this.segmentationLoaded = true;
      this.dispatch({ type: "ready" });
    } catch (error) {
      this.dispatch({ type: "failed", error: error instanceof Error ? error.message : String(error) });
    }
  }

  private onWorkerMessage(message: FromWorker): void {
    if (message.type === "ready" && message.configureId === this.pendingReady) {
      if (needsSegmentation(this.settings)) this.segmentationLoaded = true;
      this.readyForSettings?.();
      this.readyForSettings = null;
      this.dispatch({ type: "ready" });
    }
    else if (message.type === "error") this.dispatch({ type: "failed", error: message.message });
    else if (message.type === "stats") this.onStats(message.stats);
  }

  private onStats(stats: PipelineStats): void {
    const before = this.effect.modelRateIndex;
    this.dispatch({ type: "sample", at: performance.now(), fps: stats.fps, minFps: this.minFps, cpuLimited: this.cpuLimited });
    if (this.effect.modelRateIndex !== before) this.sendSettings();
    this.emit("stats", { ...stats, state: this.effect });
  }

  private dispatch(...events: EffectEvent[]): void {
    const before = this.effect;
    this.effect = events.reduce(effectReducer, this.effect);
    if (this.effect !== before) this.emit("state", this.effect);
  }
}
