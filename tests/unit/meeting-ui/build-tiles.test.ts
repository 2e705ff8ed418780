import { describe, expect, it } from "vitest";
import { buildLayout, type TilesInput } from "@/components/meeting/state/build-tiles";
import { participant } from "./fixtures";

const track = (id: string) => ({ id }) as unknown as MediaStreamTrack;

function input(overrides: Partial<TilesInput> = {}): TilesInput {
  return {
    self: { id: "me", name: "Me", isHost: true, cameraTrack: track("my-camera"), screenTrack: null, microphoneOn: false, handRaised: false, reconnecting: false },
    participants: [participant("me", { name: "Me (server)" }), participant("ann", { name: "Ann" })],
    remoteTracks: { ann: { camera: track("ann-camera"), audio: track("ann-audio") } },
    peerStates: { ann: "connected" },
    peerQuality: { ann: "excellent" },
    speaking: ["ann"],
    activeSpeakerId: "ann",
    screenSince: {},
    layoutMode: "auto",
    pinned: null,
    spotlightId: null,
    ...overrides,
  };
}

describe("buildLayout", () => {
  it("renders oneself from local state and others from the roster and their tracks", () => {
    const layout = buildLayout(input());
    expect(layout.kind).toBe("grid");
    if (layout.kind !== "grid") return;
    const [self, ann] = layout.tiles;
    expect(self).toMatchObject({ key: "me:camera", name: "Me", isSelf: true, isHost: true, microphoneOn: false, videoOn: true, quality: "excellent" });
    expect(self!.track).toEqual(track("my-camera"));
    expect(ann).toMatchObject({ key: "ann:camera", name: "Ann", isSelf: false, microphoneOn: true, videoOn: true, speaking: true, reconnecting: false });
    expect(ann!.track).toEqual(track("ann-camera"));
  });

  it("shows a tile's video only when its owner says the camera is on", () => {
    const layout = buildLayout(input({ participants: [participant("me"), participant("ann", { media: { audio: true, video: false, screen: false } })] }));
    expect(layout.kind === "grid" && layout.tiles[1]?.videoOn).toBe(false);
  });

  it("marks a peer reconnecting when signaling says so or when the media path broke", () => {
    const viaSignaling = buildLayout(input({ participants: [participant("me"), participant("ann", { connection: "reconnecting" })] }));
    const viaMedia = buildLayout(input({ peerStates: { ann: "disconnected" } }));
    for (const layout of [viaSignaling, viaMedia]) expect(layout.kind === "grid" && layout.tiles[1]?.reconnecting).toBe(true);
  });

  it("rates a peer by the worse of this browser's view and the peer's own report", () => {
    const layout = buildLayout(input({ participants: [participant("me"), participant("ann", { quality: { level: "poor", summary: { lossPct: 9, rttMs: 300, jitterMs: 40, bitrateInKbps: 100, bitrateOutKbps: 100 } } })] }));
    expect(layout.kind === "grid" && layout.tiles[1]?.quality).toBe("poor");
  });

  it("stages a peer's screen with its track, keeping cameras in the filmstrip", () => {
    const layout = buildLayout(
      input({
        participants: [participant("me"), participant("ann", { media: { audio: true, video: true, screen: true } })],
        remoteTracks: { ann: { camera: track("ann-camera"), screen: track("ann-screen") } },
      }),
    );
    expect(layout.kind).toBe("stage");
    if (layout.kind !== "stage") return;
    expect(layout.stage).toMatchObject({ key: "ann:screen", source: "screen", videoOn: true });
    expect(layout.stage.track).toEqual(track("ann-screen"));
    expect(layout.filmstrip.map((tile) => tile.key)).toEqual(["me:camera", "ann:camera"]);
  });

  it("shows oneself before the server's welcome", () => {
    const layout = buildLayout(input({ self: { ...input().self, id: "self" }, participants: [], remoteTracks: {}, peerStates: {}, peerQuality: {} }));
    expect(layout.kind === "grid" && layout.tiles.map((tile) => tile.key)).toEqual(["self:camera"]);
  });
});
