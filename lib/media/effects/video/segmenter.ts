import { ImageSegmenter } from "@mediapipe/tasks-vision";
import { defaultMaskSmoothing, featherMask, smoothMask } from "../mask-smoothing";

/** Where the model and the MediaPipe wasm runtime are served from: the app's own static files, never a CDN. */
export type EffectsAssets = { wasmBaseUrl: string; modelUrl: string };

export const defaultEffectsAssets: EffectsAssets = {
  wasmBaseUrl: "/media-models/tasks-vision",
  modelUrl: "/media-models/selfie_segmentation_landscape.tflite",
};

/** The landscape selfie model's own input size: the frame is scaled to it on the GPU before the model runs. */
export const MODEL_WIDTH = 256;
export const MODEL_HEIGHT = 144;
const FEATHER_RADIUS = 2;

/**
 * Person segmentation with MediaPipe's ImageSegmenter on its CPU (wasm SIMD) path: on machines without a GPU
 * its WebGL path runs on software GL and is several times slower. Each result is smoothed over time and
 * feathered, then handed over as 8-bit confidences at the model's resolution.
 */
export class PersonSegmenter {
  private readonly smoothed = new Float32Array(MODEL_WIDTH * MODEL_HEIGHT);
  private readonly scratch = new Float32Array(MODEL_WIDTH * MODEL_HEIGHT);
  private readonly bytes = new Uint8Array(MODEL_WIDTH * MODEL_HEIGHT);
  private hasPrevious = false;

  private constructor(private readonly segmenter: ImageSegmenter) {}

  static async create(assets: EffectsAssets): Promise<PersonSegmenter> {
    const base = assets.wasmBaseUrl.replace(/\/$/, "");
    const segmenter = await ImageSegmenter.createFromOptions(
      { wasmLoaderPath: `${base}/vision_wasm_internal.js`, wasmBinaryPath: `${base}/vision_wasm_internal.wasm` },
      {
        baseOptions: { modelAssetPath: assets.modelUrl, delegate: "CPU" },
        runningMode: "VIDEO",
        outputConfidenceMasks: true,
        outputCategoryMask: false,
      },
    );
    return new PersonSegmenter(segmenter);
  }

  /**
   * Runs the model on an RGBA image of MODEL_WIDTH×MODEL_HEIGHT. `motionAlpha` scales the temporal smoothing:
   * at a lower model rate each result must count for more, or the mask lags behind the person.
   */
  segment(image: ImageData, timestampMs: number, minAlpha = defaultMaskSmoothing.minAlpha): Uint8Array {
    this.segmenter.segmentForVideo(image, timestampMs, (result) => {
      const masks = result.confidenceMasks ?? [];
      // The landscape model has one output, the person's confidence; a two-class model lists background first.
      const person = masks[masks.length - 1];
      if (!person) return;
      const raw = person.getAsFloat32Array();
      smoothMask(this.hasPrevious ? this.smoothed : null, raw, this.smoothed, { ...defaultMaskSmoothing, minAlpha });
      this.hasPrevious = true;
    });
    this.scratch.set(this.smoothed);
    featherMask(this.scratch, MODEL_WIDTH, MODEL_HEIGHT, FEATHER_RADIUS, new Float32Array(this.scratch.length));
    for (let index = 0; index < this.bytes.length; index += 1) this.bytes[index] = this.scratch[index]! * 255;
    return this.bytes;
  }

  close(): void {
    this.segmenter.close();
  }
}
