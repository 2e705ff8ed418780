import { describe, expect, it } from "vitest";
import type { VideoEffectSettings } from "@/lib/media/effects/effect-settings";
import type { VideoEffectsProcessor } from "@/lib/media/effects/video/video-effects-processor";
import { VideoEffectsSwitch } from "@/lib/media/effects/video-effects-switch";

const track = (id: string) => ({ id, readyState: "live" }) as unknown as MediaStreamTrack;
const off: VideoEffectSettings = { background: { kind: "none" }, lowLight: false };
const blur: VideoEffectSettings = { background: { kind: "blur", strength: "light" }, lowLight: false };
const lowLight: VideoEffectSettings = { background: { kind: "none" }, lowLight: true };

/** Records the order of publishes and processor calls. */
function harness(options: { failStart?: boolean } = {}) {
  const log: string[] = [];
  let made = 0;
  const effects = new VideoEffectsSwitch({
    createProcessor: async () => {
      const id = `p${(made += 1)}`;
      let settings: VideoEffectSettings | null = null;
      const processor = {
        segmentationLoaded: false,
        async start(_camera: MediaStreamTrack, next: VideoEffectSettings) {
          settings = next;
          log.push(`${id}.start`);
          if (options.failStart) throw new Error("no WebGL2");
          processor.segmentationLoaded = next.background.kind !== "none";
          return track(`${id}-out`);
        },
        setEffects: (next: VideoEffectSettings) => log.push(`${id}.set ${next.background.kind}${next.lowLight ? "+ll" : ""} (was ${settings?.background.kind})`),
        stop: () => log.push(`${id}.stop`),
      };
      return processor as unknown as VideoEffectsProcessor;
    },
    publish: (published) => void log.push(`publish ${published?.id ?? "null"}`),
    onError: (error) => log.push(`error ${String(error)}`),
  });
  return { effects, log };
}

describe("VideoEffectsSwitch", () => {
  it("publishes the processed track only after the processor started, and the camera again before stopping it", async () => {
    const { effects, log } = harness();
    const camera = track("cam");
    await effects.update(camera, off);
    await effects.update(camera, blur);
    await effects.update(camera, off);
    expect(log).toEqual(["publish cam", "p1.start", "publish p1-out", "publish cam", "p1.stop"]);
  });

  it("changes settings in place when the processor has what they need", async () => {
    const { effects, log } = harness();
    const camera = track("cam");
    await effects.update(camera, blur);
    await effects.update(camera, { background: { kind: "image", imageId: "office" }, lowLight: true });
    expect(log).toEqual(["p1.start", "publish p1-out", "p1.set image+ll (was blur)"]);
  });

  it("makes a new processor beside the old one when a background effect needs the model it has not loaded", async () => {
    const { effects, log } = harness();
    const camera = track("cam");
    await effects.update(camera, lowLight);
    await effects.update(camera, blur);
    expect(log).toEqual(["p1.start", "publish p1-out", "p2.start", "publish p2-out", "p1.stop"]);
  });

  it("keeps the camera published and reports the error when the processor cannot start", async () => {
    const { effects, log } = harness({ failStart: true });
    await effects.update(track("cam"), blur);
    expect(log).toEqual(["p1.start", "p1.stop", "publish cam", "error Error: no WebGL2"]);
  });

  it("follows a new camera track with a new processor, and publishes null when the camera goes off", async () => {
    const { effects, log } = harness();
    await effects.update(track("cam1"), blur);
    await effects.update(track("cam2"), blur);
    await effects.update(null, blur);
    expect(log).toEqual(["p1.start", "publish p1-out", "p2.start", "publish p2-out", "p1.stop", "publish null", "p2.stop"]);
  });
});
