import { describe, expect, it } from "vitest";
import { featureChanges, type FeatureFacts } from "@/components/meeting/state/feature-events";

const start: FeatureFacts = { audio: true, video: true, screen: false, handRaised: false, layout: "auto" };

describe("featureChanges", () => {
  it("counts nothing for the first observation or an unchanged state", () => {
    expect(featureChanges(null, start)).toEqual([]);
    expect(featureChanges(start, { ...start })).toEqual([]);
  });

  it("names mute/unmute, camera both ways, screen share and hand when turned on, and the layout chosen", () => {
    expect(featureChanges(start, { audio: false, video: false, screen: true, handRaised: true, layout: "speaker" })).toEqual([
      { feature: "mute", detail: null },
      { feature: "camera-off", detail: null },
      { feature: "screen-share", detail: null },
      { feature: "hand", detail: null },
      { feature: "layout", detail: "speaker" },
    ]);
    const off = { audio: false, video: false, screen: true, handRaised: true, layout: "speaker" };
    expect(featureChanges(off, { ...off, audio: true, video: true, screen: false, handRaised: false })).toEqual([
      { feature: "unmute", detail: null },
      { feature: "camera-on", detail: null },
    ]);
  });
});
