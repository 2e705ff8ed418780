import { TypedEmitter } from "../../rtc/typed-emitter";
import { type EffectSettings, needsVideoPipeline, type VideoEffectSettings } from "./effect-settings";
import type { EffectState } from "./effect-state";
import type { NoiseSuppressor } from "./noise-suppression";
import type { VideoEffectsProcessor } from "./video/video-effects-processor";
import { VideoEffectsSwitch } from "./video-effects-switch";

export type MediaEffectsSnapshot = {
  settings: EffectSettings;
  /**
   * What goes out for the camera: the processed track, the camera itself when no effect is on, or null while
   * a background effect is starting (the unblurred room is never shown or sent when the person asked for blur).
   */
  video: MediaStreamTrack | null;
  videoState: EffectState | null;
  /** Why the last video effect could not start; the camera then goes out as it is. */
  videoError: string | null;
  /** What goes out for the microphone: through the noise suppressor when it runs, else the microphone itself. */
  audio: MediaStreamTrack | null;
  noiseSuppressionError: string | null;
};

export type MediaEffectsOptions = {
  settings: EffectSettings;
  /** Dynamic imports in the app, so a meeting without effects loads none of their code. */
  createVideoProcessor: () => Promise<VideoEffectsProcessor>;
  startNoiseSuppressor: (microphone: MediaStreamTrack, enabled: boolean) => Promise<NoiseSuppressor>;
  onSettingsChanged?: (settings: EffectSettings) => void;
};

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One person's effects, framework-free: their settings, the camera through the video effects switch and the
 * microphone through the noise suppressor. The UI reads `snapshot` and listens to `change`; the meeting
 * publishes `snapshot.video` and `snapshot.audio` in place of the raw tracks.
 */
export class MediaEffects extends TypedEmitter<{ change: MediaEffectsSnapshot }> {
  private camera: MediaStreamTrack | null = null;
  private published: { camera: MediaStreamTrack | null; track: MediaStreamTrack | null } | null = null;
  private videoState: EffectState | null = null;
  private videoError: string | null = null;
  private microphone: MediaStreamTrack | null = null;
  private suppressor: { microphone: MediaStreamTrack; ready: Promise<NoiseSuppressor | null>; instance: NoiseSuppressor | null } | null = null;
  private noiseSuppressionError: string | null = null;
  private readonly video: VideoEffectsSwitch;
  private settings: EffectSettings;
  private current: MediaEffectsSnapshot;

  constructor(private readonly options: MediaEffectsOptions) {
    super();
    this.settings = options.settings;
    this.video = new VideoEffectsSwitch({
      createProcessor: async () => {
        const processor = await options.createVideoProcessor();
        processor.on("state", (state) => {
          this.videoState = state;
          this.changed();
        });
        return processor;
      },
      publish: (track, camera) => {
        this.published = { camera, track };
        this.changed();
      },
      onProcessor: (processor) => {
        this.videoState = processor?.state ?? null;
        this.changed();
      },
      onError: (error) => {
        this.videoError = describe(error);
        this.changed();
      },
    });
    this.current = this.compute();
  }

  get snapshot(): MediaEffectsSnapshot {
    return this.current;
  }

  setCamera(camera: MediaStreamTrack | null): void {
    if (camera === this.camera) return;
    this.camera = camera;
    this.changed();
    void this.video.update(camera, this.videoSettings());
  }

  setMicrophone(microphone: MediaStreamTrack | null): void {
    if (microphone === this.microphone) return;
    this.microphone = microphone;
    this.syncSuppressor();
    this.changed();
  }

  update(changes: Partial<EffectSettings>): void {
    const before = this.settings;
    this.settings = { ...before, ...changes };
    this.options.onSettingsChanged?.(this.settings);
    if (changes.background !== undefined || changes.lowLight !== undefined) {
      this.videoError = null;
      void this.video.update(this.camera, this.videoSettings());
    }
    if (changes.noiseSuppression !== undefined && changes.noiseSuppression !== before.noiseSuppression) {
      this.noiseSuppressionError = null;
      // Toggling bypasses the worklet inside the running graph: the published track, and the sender, stay.
      if (this.suppressor?.instance) this.suppressor.instance.setEnabled(this.settings.noiseSuppression);
      else this.syncSuppressor();
    }
    this.changed();
  }

  /** The audio graph may start suspended without a user gesture: Join (a gesture) resumes it. */
  resumeAudio(): void {
    void this.suppressor?.instance?.resume().catch(() => {});
  }

  private videoSettings(): VideoEffectSettings {
    return { background: this.settings.background, lowLight: this.settings.lowLight };
  }

  /** One suppressor per microphone track; started when first wanted, kept (in bypass) when turned off. */
  private syncSuppressor(): void {
    const { microphone } = this;
    if (this.suppressor && this.suppressor.microphone !== microphone) this.stopSuppressor();
    if (!microphone || this.suppressor || !this.settings.noiseSuppression) return;
    const entry: NonNullable<MediaEffects["suppressor"]> = {
      microphone,
      instance: null,
      ready: this.options.startNoiseSuppressor(microphone, true).then(
        (instance) => {
          if (this.suppressor !== entry) {
            instance.stop();
            return null;
          }
          instance.setEnabled(this.settings.noiseSuppression);
          entry.instance = instance;
          this.changed();
          return instance;
        },
        (error: unknown) => {
          if (this.suppressor === entry) {
            this.noiseSuppressionError = describe(error);
            this.changed();
          }
          return null;
        },
      ),
    };
    this.suppressor = entry;
  }

  private stopSuppressor(): void {
    const entry = this.suppressor;
    this.suppressor = null;
    if (entry) void entry.ready.then((instance) => instance?.stop());
  }

  private compute(): MediaEffectsSnapshot {
    const { camera, published } = this;
    let video: MediaStreamTrack | null;
    if (camera === null) video = null;
    else if (published?.camera === camera) video = published.track;
    else video = needsVideoPipeline(this.videoSettings()) && this.videoError === null ? null : camera;
    const suppressed = this.suppressor?.microphone === this.microphone ? this.suppressor?.instance?.track : undefined;
    return {
      settings: this.settings,
      video,
      videoState: this.videoState,
      videoError: this.videoError,
      audio: suppressed ?? this.microphone,
      noiseSuppressionError: this.noiseSuppressionError,
    };
  }

  private changed(): void {
    this.current = this.compute();
    this.emit("change", this.current);
  }
}
