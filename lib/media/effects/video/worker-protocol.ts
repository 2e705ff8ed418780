import type { VideoEffectSettings } from "../effect-settings";
import type { PipelineStats } from "./effects-pipeline";
import type { EffectsAssets } from "./segmenter";

/** Page → effects worker. The streams are transferred: frames never cross back through the page. */
export type ToWorker =
  | {
      type: "start";
      readable: ReadableStream<VideoFrame>;
      writable: WritableStream<VideoFrame>;
      settings: VideoEffectSettings;
      modelRate: number;
      assets: EffectsAssets;
    }
  | { type: "configure"; settings: VideoEffectSettings; modelRate: number }
  | { type: "stop" };

/** Effects worker → page. */
export type FromWorker =
  | { type: "first-frame" }
  /** What the last settings need is loaded; `configureId` counts configure/start messages. */
  | { type: "ready"; configureId: number }
  | { type: "stats"; stats: PipelineStats }
  | { type: "error"; message: string };
