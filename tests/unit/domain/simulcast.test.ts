import { describe, expect, it } from "vitest";
import { HIGHEST_SUBSTREAM, SIMULCAST_LAYERS, activeLayers, sfuReceivePreference, substreamFor, tileSubstreams } from "@/lib/domain/simulcast";

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

describe("tileSubstreams", () => {
  const tile = (participantId: string, source: "camera" | "screen" = "camera", isSelf = false) => ({ participantId, source, isSelf });

  it("gives the stage's camera the highest layer and the filmstrip's thumbnails the lowest", () => {
    expect(tileSubstreams({ kind: "stage", stage: tile("carol"), filmstrip: [tile("self", "camera", true), tile("dan"), tile("erin")] })).toEqual({ carol: 2, dan: 0, erin: 0 });
  });
  it("keeps every camera on thumbnails when a screen share holds the stage", () => {
    expect(tileSubstreams({ kind: "stage", stage: tile("carol", "screen"), filmstrip: [tile("carol"), tile("dan")] })).toEqual({ carol: 0, dan: 0 });
  });
  it("lowers the layer as a grid's tiles shrink", () => {
    const grid = (n: number) => ({ kind: "grid" as const, tiles: [tile("self", "camera", true), ...Array.from({ length: n - 1 }, (_, i) => tile(`p${i}`))] });
    expect(tileSubstreams(grid(4)).p0).toBe(2);
    expect(tileSubstreams(grid(9)).p0).toBe(1);
    expect(tileSubstreams(grid(10)).p0).toBe(0);
    expect(Object.keys(tileSubstreams(grid(3)))).toEqual(["p0", "p1"]);
  });
});

describe("substreamFor", () => {
  it("is the tile's layer, capped by the receiver's choice", () => {
    const tiles = { carol: 2, dan: 0 };
    expect(substreamFor(sfuReceivePreference("auto", true), tiles, "carol")).toBe(2);
    expect(substreamFor(sfuReceivePreference("auto", true), tiles, "dan")).toBe(0);
    expect(substreamFor(sfuReceivePreference("low", true), tiles, "carol")).toBe(0);
    expect(substreamFor(sfuReceivePreference("auto", true), tiles, "unknown")).toBe(2);
  });
});
