import { describe, expect, it } from "vitest";
import { sfuReceivePreference } from "@/lib/domain/simulcast";
import { CameraLayers } from "@/lib/rtc/sfu/camera-layers";

const cameras: [string, string][] = [
  ["1", "carol"],
  ["4", "dan"],
];

describe("CameraLayers", () => {
  it("asks for nothing while everyone wants what Janus starts with: the highest layer, forwarded", () => {
    expect(new CameraLayers().changes(cameras)).toEqual([]);
  });

  it("asks for each tile's layer once, and only again when it changes", () => {
    const layers = new CameraLayers();
    layers.setTiles({ carol: 2, dan: 0 });
    const first = layers.changes(cameras);
    expect(first).toEqual([{ mid: "4", substream: 0, send: true }]);
    layers.applied(first);
    expect(layers.changes(cameras)).toEqual([]);
    layers.setTiles({ carol: 0, dan: 2 });
    expect(layers.changes(cameras)).toEqual([
      { mid: "1", substream: 0, send: true },
      { mid: "4", substream: 2, send: true },
    ]);
  });

  it("caps every camera by data saver and pauses them all for audio only", () => {
    const layers = new CameraLayers();
    layers.setPreference(sfuReceivePreference("low", true));
    expect(layers.changes(cameras).map((change) => change.substream)).toEqual([0, 0]);
    layers.setPreference(sfuReceivePreference("audio-only", true));
    expect(layers.changes(cameras).map((change) => change.send)).toEqual([false, false]);
  });

  it("starts afresh on an m-line whose camera left: a new stream there begins on the highest layer", () => {
    const layers = new CameraLayers();
    layers.setTiles({ carol: 0 });
    layers.applied(layers.changes(cameras));
    layers.forget("1");
    layers.setTiles({ erin: 0 });
    expect(layers.changes([["1", "erin"]])).toEqual([{ mid: "1", substream: 0, send: true }]);
  });

  it("pauses only the cameras whose tiles are off-screen, and forwards them again once they are seen", () => {
    const layers = new CameraLayers();
    layers.setHidden(new Set(["dan"]));
    const paused = layers.changes(cameras);
    expect(paused).toEqual([{ mid: "4", substream: 2, send: false }]);
    layers.applied(paused);
    layers.setHidden(new Set());
    expect(layers.changes(cameras)).toEqual([{ mid: "4", substream: 2, send: true }]);
  });
});
