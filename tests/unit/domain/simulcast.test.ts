import { describe, expect, it } from "vitest";
import { HIGHEST_SUBSTREAM, SIMULCAST_LAYERS, activeLayers, sfuReceivePreference } from "@/lib/domain/simulcast";

describe("simulcast layers", () => {
  it("are listed high → low (Janus's default rid order) with falling bitrates", () => {
    expect(SIMULCAST_LAYERS.map((layer) => layer.rid)).toEqual(["h", "m", "l"]);
    expect(SIMULCAST_LAYERS.map((layer) => layer.scaleResolutionDownBy)).toEqual([1, 2, 4]);
    const rates = SIMULCAST_LAYERS.map((layer) => layer.maxBitrate);
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);
    expect(HIGHEST_SUBSTREAM).toBe(2);
  });
});

describe("activeLayers", () => {
  it("sends every layer on Auto", () => {
    expect(activeLayers("auto", 720)).toEqual([true, true, true]);
  });
  it("drops the layers taller than the send choice allows", () => {
    expect(activeLayers("hd", 720)).toEqual([true, true, true]);
    expect(activeLayers("sd", 720)).toEqual([false, true, true]);
    expect(activeLayers("low", 720)).toEqual([false, false, true]);
    expect(activeLayers("sd", 360)).toEqual([true, true, true]);
    expect(activeLayers("low", 360)).toEqual([false, true, true]);
  });
  it("always keeps the lowest layer, even when it is taller than the choice", () => {
    expect(activeLayers("low", 1080)).toEqual([false, false, true]);
  });
  it("keeps every layer while the capture size is unknown", () => {
    expect(activeLayers("low", undefined)).toEqual([true, true, true]);
  });
});

describe("sfuReceivePreference", () => {
  it("takes the lowest layer for data saver and the highest otherwise", () => {
    expect(sfuReceivePreference("low", true)).toEqual({ substream: 0, cameras: true });
    expect(sfuReceivePreference("auto", true)).toEqual({ substream: HIGHEST_SUBSTREAM, cameras: true });
    expect(sfuReceivePreference("high", true)).toEqual({ substream: HIGHEST_SUBSTREAM, cameras: true });
  });
  it("pauses cameras for audio only, chosen or suggested", () => {
    expect(sfuReceivePreference("audio-only", true).cameras).toBe(false);
    expect(sfuReceivePreference("auto", false).cameras).toBe(false);
  });
});
