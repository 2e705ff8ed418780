import { copyFileSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The files the media effects load at run time, all from npm packages: MediaPipe's wasm runtime, the selfie
 * segmentation model that @twilio/video-processors ships (the one with the metadata ImageSegmenter needs), and
 * the RNNoise AudioWorklet with its wasm. Served from the app's own origin: nothing comes from a CDN.
 * `from` is relative to node_modules, `to` to the served folder (public/media-models in the app).
 */
export const mediaAssets = [
  { from: "@mediapipe/tasks-vision/wasm/vision_wasm_internal.js", to: "tasks-vision/vision_wasm_internal.js" },
  { from: "@mediapipe/tasks-vision/wasm/vision_wasm_internal.wasm", to: "tasks-vision/vision_wasm_internal.wasm" },
  { from: "@twilio/video-processors/dist/build/selfie_segmentation_landscape.tflite", to: "selfie_segmentation_landscape.tflite" },
  { from: "@sapphi-red/web-noise-suppressor/dist/rnnoise/workletProcessor.js", to: "rnnoise/workletProcessor.js" },
  { from: "@sapphi-red/web-noise-suppressor/dist/rnnoise.wasm", to: "rnnoise/rnnoise.wasm" },
  { from: "@sapphi-red/web-noise-suppressor/dist/rnnoise_simd.wasm", to: "rnnoise/rnnoise_simd.wasm" },
  { from: "@sapphi-red/web-noise-suppressor/dist/gtcrn/workletProcessor.js", to: "gtcrn/workletProcessor.js" },
  { from: "@sapphi-red/web-noise-suppressor/dist/gtcrn.wasm", to: "gtcrn/gtcrn.wasm" },
] as const;

export const nodeModules = fileURLToPath(new URL("../node_modules/", import.meta.url));
export const publicMediaModels = fileURLToPath(new URL("../public/media-models/", import.meta.url));

/** Copies what changed into public/media-models/ (gitignored); offline, it only copies files. Returns how many. */
export function copyMediaAssets(): number {
  let copied = 0;
  for (const asset of mediaAssets) {
    const [source, target] = [join(nodeModules, asset.from), join(publicMediaModels, asset.to)];
    const unchanged = (() => {
      try {
        const [a, b] = [statSync(source), statSync(target)];
        return a.size === b.size && a.mtimeMs <= b.mtimeMs;
      } catch {
        return false;
      }
    })();
    if (unchanged) continue;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
    copied += 1;
  }
  return copied;
}
