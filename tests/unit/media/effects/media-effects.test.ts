import { describe, expect, it } from "vitest";
import { type EffectSettings } from "@/lib/media/effects/effect-settings";
import { MediaEffects } from "@/lib/media/effects/media-effects";
import type { NoiseSuppressor } from "@/lib/media/effects/noise-suppression";
import type { VideoEffectsProcessor } from "@/lib/media/effects/video/video-effects-processor";

const track = (id: string) => ({ id, readyState: "live" }) as unknown as MediaStreamTrack;
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const plain: EffectSettings = { background: { kind: "none" }, lowLight: false, noiseSuppression: false };

function setup(options: { settings?: EffectSettings; failVideo?: boolean; failAudio?: boolean } = {}) {
  const log: string[] = [];
  let release: (() => void) | null = null;
  const saved: EffectSettings[] = [];
  const effects = new MediaEffects({
    settings: options.settings ?? plain,
    onSettingsChanged: (settings) => saved.push(settings),
    createVideoProcessor: async () =>
      ({
        segmentationLoaded: true,
        state: null,
        on: () => () => {},
        async start(camera: MediaStreamTrack) {
          await new Promise<void>((resolve) => (release = resolve));
          if (options.failVideo) throw new Error("no WebGL2");
          return track(`${camera.id}-processed`);
        },
        setEffects: (next: EffectSettings) => log.push(`set ${next.background.kind}`),
        stop: () => log.push("video stop"),
      }) as unknown as VideoEffectsProcessor,
    startNoiseSuppressor: async (microphone, enabled) => {
      if (options.failAudio) throw new Error("no AudioWorklet");
      let on = enabled;
      return {
        track: track(`${microphone.id}-denoised`),
        setEnabled: (next: boolean) => log.push(`ns ${(on = next) ? "on" : "bypass"}`),
        get isEnabled() {
          return on;
        },
        resume: async () => {},
        stop: () => log.push(`ns stop ${microphone.id}`),
      } as unknown as NoiseSuppressor;
    },
  });
  return { effects, log, saved, finishStart: async () => { await settled(); release?.(); await settled(); } };
}

describe("MediaEffects", () => {
  it("sends the camera as it is when no effect is on", () => {
    const { effects } = setup();
    const camera = track("cam");
    effects.setCamera(camera);
    expect(effects.snapshot.video).toBe(camera);
  });

  it("never shows the unprocessed camera while a background effect starts, then sends the processed track", async () => {
    const { effects, finishStart, saved } = setup();
    effects.setCamera(track("cam"));
    effects.update({ background: { kind: "blur", strength: "strong" } });
    expect(effects.snapshot.video).toBeNull();
    await finishStart();
    expect(effects.snapshot.video?.id).toBe("cam-processed");
    expect(saved.at(-1)?.background).toEqual({ kind: "blur", strength: "strong" });
  });

  it("waits for the new camera's output after a device switch instead of showing the raw new camera", async () => {
    const { effects, finishStart } = setup({ settings: { ...plain, background: { kind: "blur", strength: "light" } } });
    effects.setCamera(track("cam"));
    await finishStart();
    effects.setCamera(track("usb"));
    expect(effects.snapshot.video).toBeNull();
    await finishStart();
    expect(effects.snapshot.video?.id).toBe("usb-processed");
  });

  it("falls back to the camera with the reason when the effect cannot start", async () => {
    const { effects, finishStart } = setup({ failVideo: true });
    const camera = track("cam");
    effects.setCamera(camera);
    effects.update({ lowLight: true });
    await finishStart();
    expect(effects.snapshot.video).toBe(camera);
    expect(effects.snapshot.videoError).toBe("no WebGL2");
  });

  it("sends the microphone through the suppressor, and turning it off bypasses it on the same track", async () => {
    const { effects, log } = setup({ settings: { ...plain, noiseSuppression: true } });
    const microphone = track("mic");
    effects.setMicrophone(microphone);
    expect(effects.snapshot.audio).toBe(microphone);
    await settled();
    expect(effects.snapshot.audio?.id).toBe("mic-denoised");
    effects.update({ noiseSuppression: false });
    expect(effects.snapshot.audio?.id).toBe("mic-denoised");
    expect(log).toContain("ns bypass");
    effects.setMicrophone(track("headset"));
    await settled();
    expect(log).toContain("ns stop mic");
    // Off: a new microphone gets no suppressor at all.
    expect(effects.snapshot.audio?.id).toBe("headset");
  });

  it("keeps the microphone as it is, with the reason, when the suppressor cannot start", async () => {
    const { effects } = setup({ settings: { ...plain, noiseSuppression: true }, failAudio: true });
    const microphone = track("mic");
    effects.setMicrophone(microphone);
    await settled();
    expect(effects.snapshot.audio).toBe(microphone);
    expect(effects.snapshot.noiseSuppressionError).toBe("no AudioWorklet");
  });
});
