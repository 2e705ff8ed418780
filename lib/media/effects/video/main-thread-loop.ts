import { EffectsPipeline, type PipelineStats } from "./effects-pipeline";
import type { EffectsAssets } from "./segmenter";
import type { VideoEffectSettings } from "../effect-settings";

/**
 * The fallback for browsers without insertable streams (MediaStreamTrackProcessor): the same pipeline on the
 * page's thread, fed by a hidden video element's requestVideoFrameCallback and captured from its canvas.
 * It competes with the page for the main thread, so the processor starts it at a lower model rate.
 */
export class MainThreadLoop {
  private readonly video = document.createElement("video");
  private readonly canvas = document.createElement("canvas");
  private readonly pipeline: EffectsPipeline;
  private stopped = false;
  private firstFrame: (() => void) | null = null;
  readonly track: MediaStreamTrack;
  readonly firstFrameDrawn: Promise<void>;

  constructor(source: MediaStreamTrack, assets: EffectsAssets) {
    this.pipeline = new EffectsPipeline(this.canvas, assets);
    Object.assign(this.video, { muted: true, playsInline: true, autoplay: true });
    this.video.srcObject = new MediaStream([source]);
    this.firstFrameDrawn = new Promise((resolve) => (this.firstFrame = resolve));
    this.track = this.canvas.captureStream().getVideoTracks()[0]!;
    void this.video.play().catch(() => {});
    this.schedule();
  }

  configure(settings: VideoEffectSettings, modelRate: number): Promise<void> {
    return this.pipeline.configure(settings, modelRate);
  }

  takeStats(): PipelineStats {
    return this.pipeline.takeStats(performance.now());
  }

  stop(): void {
    this.stopped = true;
    this.track.stop();
    this.video.srcObject = null;
    this.pipeline.dispose();
  }

  private schedule(): void {
    this.video.requestVideoFrameCallback(() => {
      if (this.stopped) return;
      const { videoWidth, videoHeight } = this.video;
      if (videoWidth > 0) {
        const startedAt = performance.now();
        this.pipeline.process(this.video, videoWidth, videoHeight, startedAt);
        this.pipeline.frameDone(performance.now() - startedAt);
        this.firstFrame?.();
        this.firstFrame = null;
      }
      this.schedule();
    });
  }
}
