import { type BackgroundImageId, needsSegmentation, type VideoEffectSettings } from "../effect-settings";
import { initialLowLightState, type LowLightState, meanLuma, toneParams, updateLowLight } from "../luminance-controller";
import { renderBackground } from "./background-images";
import { Compositor } from "./compositor";
import { type EffectsAssets, MODEL_HEIGHT, MODEL_WIDTH, PersonSegmenter } from "./segmenter";

/** What the pipeline reports about itself, once a second. */
export type PipelineStats = {
  /** Frames output during the last interval, per second. */
  fps: number;
  /** Model runs per second. */
  modelFps: number;
  /** Time spent on a frame, from its arrival to the processed frame handed on: the latency the effects add. */
  processingMs: { mean: number; p95: number };
  maskReady: boolean;
  /** The low-light controller: averaged input luma (0–1), and how much enhancement is applied. */
  luma: number | null;
  toneStrength: number;
  toneGain: number;
  /** Mean ms per frame of each stage (upload + thumbnail, model, composite), to see where the time goes. */
  stagesMs: { upload: number; model: number; composite: number };
};

/** Mean luma is measured this often even without segmentation: the controller averages over a second anyway. */
const LUMA_EVERY_MS = 100;

/**
 * One camera frame in, one composited frame out, on whichever thread it runs (the worker, or the page in the
 * fallback). The model runs at most `modelRate` times a second on a frame scaled to its own resolution; frames
 * in between reuse the last mask. Compositing is at the camera's resolution.
 */
export class EffectsPipeline {
  private settings: VideoEffectSettings = { background: { kind: "none" }, lowLight: false };
  private segmenter: PersonSegmenter | null = null;
  private segmenterLoading: Promise<void> | null = null;
  private readonly thumbnail = new Uint8Array(MODEL_WIDTH * MODEL_HEIGHT * 4);
  private lowLight: LowLightState = initialLowLightState;
  private lastModelRunAt = -Infinity;
  private lastLumaAt = -Infinity;
  private lastFrameAt: number | null = null;
  private backgroundKey = "";
  private maskReady = false;
  private modelRate = 30;
  private window = { frames: 0, modelRuns: 0, processing: [] as number[], startedAt: 0, upload: 0, model: 0, composite: 0 };

  readonly compositor: Compositor;

  constructor(
    canvas: OffscreenCanvas | HTMLCanvasElement,
    private readonly assets: EffectsAssets,
  ) {
    this.compositor = new Compositor(canvas);
  }

  /** Resolves once whatever the settings need is loaded (the model, for a background effect). */
  async configure(settings: VideoEffectSettings, modelRate: number): Promise<void> {
    this.settings = settings;
    this.modelRate = modelRate;
    if (needsSegmentation(settings)) await this.loadSegmenter();
  }

  /** Processes one frame; the result is on the canvas when this returns. */
  process(source: TexImageSource, width: number, height: number, now: number): void {
    const startedAt = performance.now();
    this.compositor.uploadFrame(source, width, height);
    const { background, lowLight } = this.settings;
    const segment = this.segmenter !== null && background.kind !== "none" && now - this.lastModelRunAt >= 1000 / this.modelRate - 2;
    const measureLuma = lowLight && now - this.lastLumaAt >= LUMA_EVERY_MS;
    if (segment || measureLuma) this.compositor.readThumbnail(MODEL_WIDTH, MODEL_HEIGHT, this.thumbnail);
    if (measureLuma) {
      this.lowLight = updateLowLight(this.lowLight, meanLuma(this.thumbnail, 7), this.lastLumaAt === -Infinity ? 0 : now - this.lastLumaAt);
      this.lastLumaAt = now;
    } else if (!lowLight && this.lastFrameAt !== null) {
      // Turned off: fade out through the controller as if the picture were bright, rather than jump.
      this.lowLight = updateLowLight(this.lowLight, 1, now - this.lastFrameAt);
    }
    const uploadedAt = performance.now();
    if (segment) this.runModel(now);
    const modelDoneAt = performance.now();
    if (background.kind === "image") this.ensureBackground(background.imageId, width, height);
    this.compositor.render({
      mode: background.kind === "none" ? "none" : background.kind,
      blur: background.kind === "blur" ? background.strength : "light",
      tone: toneParams(this.lowLight),
    });
    this.lastFrameAt = now;
    const doneAt = performance.now();
    this.window.frames += 1;
    this.window.upload += uploadedAt - startedAt;
    this.window.model += modelDoneAt - uploadedAt;
    this.window.composite += doneAt - modelDoneAt;
  }

  /** A frame's whole time in the effects, arrival to handed on (the caller knows when it is handed on). */
  frameDone(totalMs: number): void {
    this.window.processing.push(totalMs);
  }

  /** The figures since the last call. */
  takeStats(now: number): PipelineStats {
    const { frames, modelRuns, processing, startedAt, upload, model, composite } = this.window;
    const seconds = Math.max(0.001, (now - startedAt) / 1000);
    const sorted = [...processing].sort((a, b) => a - b);
    const perFrame = (total: number) => total / Math.max(1, frames);
    this.window = { frames: 0, modelRuns: 0, processing: [], startedAt: now, upload: 0, model: 0, composite: 0 };
    return {
      fps: frames / seconds,
      modelFps: modelRuns / seconds,
      processingMs: {
        mean: sorted.length ? sorted.reduce((sum, value) => sum + value, 0) / sorted.length : 0,
        p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0,
      },
      maskReady: this.maskReady,
      luma: this.lowLight.luma,
      toneStrength: this.lowLight.strength,
      toneGain: this.lowLight.gain,
      stagesMs: { upload: perFrame(upload), model: perFrame(model), composite: perFrame(composite) },
    };
  }

  dispose(): void {
    this.segmenter?.close();
    this.compositor.dispose();
  }

  private runModel(now: number): void {
    const image = new ImageData(new Uint8ClampedArray(this.thumbnail.buffer), MODEL_WIDTH, MODEL_HEIGHT);
    // Smoothing weight per model run grows as the rate falls, so the mask keeps up with the person.
    const minAlpha = Math.min(0.9, 0.4 * (30 / this.modelRate));
    const mask = this.segmenter!.segment(image, now, minAlpha);
    this.compositor.setMask(mask, MODEL_WIDTH, MODEL_HEIGHT);
    this.maskReady = true;
    this.lastModelRunAt = now;
    this.window.modelRuns += 1;
  }

  private ensureBackground(imageId: BackgroundImageId, width: number, height: number): void {
    const key = `${imageId}@${width}x${height}`;
    if (key === this.backgroundKey) return;
    this.compositor.setBackground(renderBackground(imageId, width, height));
    this.backgroundKey = key;
  }

  private loadSegmenter(): Promise<void> {
    this.segmenterLoading ??= PersonSegmenter.create(this.assets).then(
      (segmenter) => {
        this.segmenter = segmenter;
      },
      (error: unknown) => {
        // Forget the failed attempt, so enabling the effect again retries.
        this.segmenterLoading = null;
        throw error;
      },
    );
    return this.segmenterLoading;
  }
}
