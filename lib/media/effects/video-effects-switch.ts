import { needsSegmentation, needsVideoPipeline, type VideoEffectSettings } from "./effect-settings";
import type { VideoEffectsProcessor } from "./video/video-effects-processor";

export type VideoEffectsSwitchOptions = {
  /** Makes a processor; in the app it comes from a dynamic import, so effects code loads only when needed. */
  createProcessor: () => Promise<VideoEffectsProcessor>;
  /**
   * Puts a track where the camera goes (the preview, and the mesh's `setLocalMedia({ video })`: a replaceTrack).
   * `camera` is the camera track it stands for, so the caller can tell a current output from a stale one.
   */
  publish: (track: MediaStreamTrack | null, camera: MediaStreamTrack | null) => Promise<void> | void;
  onProcessor?: (processor: VideoEffectsProcessor | null) => void;
  onError?: (error: unknown) => void;
};

/**
 * Decides which track is published for the camera: the raw one, or the processor's output. Turning effects on
 * publishes the output only after its first processed frame; turning them off publishes the raw track first
 * and stops the processor after. The raw track keeps running throughout, so the receiver never sees a gap.
 * Updates run one at a time, in order, whatever the caller's pace.
 */
export class VideoEffectsSwitch {
  private processor: VideoEffectsProcessor | null = null;
  private processedFrom: MediaStreamTrack | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: VideoEffectsSwitchOptions) {}

  /** The camera track (or null when the camera is off) and the effects wanted; resolves once applied. */
  update(camera: MediaStreamTrack | null, settings: VideoEffectSettings): Promise<void> {
    this.queue = this.queue.then(() => this.apply(camera, settings)).catch((error: unknown) => this.options.onError?.(error));
    return this.queue;
  }

  get current(): VideoEffectsProcessor | null {
    return this.processor;
  }

  private async apply(camera: MediaStreamTrack | null, settings: VideoEffectSettings): Promise<void> {
    const wanted = camera !== null && camera.readyState === "live" && needsVideoPipeline(settings);
    // A processor without the model would stall its frames while loading it: make a new one beside it instead.
    const canReuse = this.processor !== null && this.processedFrom === camera && (!needsSegmentation(settings) || this.processor.segmentationLoaded);
    if (wanted && canReuse) {
      this.processor!.setEffects(settings);
      return;
    }
    if (wanted) {
      const processor = await this.options.createProcessor();
      try {
        // Make before break: the old output (or the raw camera) stays published until the new one has frames.
        const output = await processor.start(camera, settings);
        await this.options.publish(output, camera);
      } catch (error) {
        // The effect could not start: the camera goes out as it is, and the caller hears why.
        processor.stop();
        await this.options.publish(camera, camera);
        throw error;
      }
      this.stopProcessor();
      this.processor = processor;
      this.processedFrom = camera;
      this.options.onProcessor?.(processor);
      return;
    }
    await this.options.publish(camera, camera);
    if (this.processor) {
      this.stopProcessor();
      this.options.onProcessor?.(null);
    }
  }

  private stopProcessor(): void {
    this.processor?.stop();
    this.processor = null;
    this.processedFrom = null;
  }
}
