import { describe, expect, it } from "vitest";
import { featureChanges, type FeatureFacts } from "@/components/meeting/state/feature-events";
import { type EffectSettings } from "@/lib/media/effects/effect-settings";

const noEffects: EffectSettings = { background: { kind: "none" }, lowLight: false, noiseSuppression: false };
const start: FeatureFacts = { audio: true, video: true, screen: false, handRaised: false, layout: "auto", effects: noEffects };

describe("featureChanges", () => {
  it("counts nothing for the first observation or an unchanged state", () => {
    expect(featureChanges(null, start)).toEqual([]);
    expect(featureChanges(start, { ...start })).toEqual([]);
  });

  it("names mute/unmute, camera both ways, screen share and hand when turned on, and the layout chosen", () => {
    expect(featureChanges(start, { ...start, audio: false, video: false, screen: true, handRaised: true, layout: "speaker" })).toEqual([
      { feature: "mute", detail: null },
      { feature: "camera-off", detail: null },
      { feature: "screen-share", detail: null },
      { feature: "hand", detail: null },
      { feature: "layout", detail: "speaker" },
    ]);
    const off = { ...start, audio: false, video: false, screen: true, handRaised: true, layout: "speaker" };
    expect(featureChanges(off, { ...off, audio: true, video: true, screen: false, handRaised: false })).toEqual([
      { feature: "unmute", detail: null },
      { feature: "camera-on", detail: null },
    ]);
  });

  it("counts the effects on at the first observation, then each change with its detail", () => {
    const chosen: FeatureFacts = { ...start, effects: { background: { kind: "blur", strength: "strong" }, lowLight: false, noiseSuppression: true } };
    expect(featureChanges(null, chosen)).toEqual([
      { feature: "blur", detail: "on:strong" },
      { feature: "noise-suppression", detail: "on" },
    ]);
    const replaced: FeatureFacts = { ...chosen, effects: { background: { kind: "image", imageId: "office" }, lowLight: true, noiseSuppression: true } };
    expect(featureChanges(chosen, replaced)).toEqual([
      { feature: "blur", detail: "off" },
      { feature: "background", detail: "on:office" },
      { feature: "low-light", detail: "on" },
    ]);
  });
});
