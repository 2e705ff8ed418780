import { describe, expect, it } from "vitest";
import { computeLayout, type LayoutInput, type LayoutParticipant, nextLayoutMode } from "@/lib/meeting-client/state/meeting-layout";

const person = (id: string, screenSince?: number): LayoutParticipant => ({ id, sharingScreen: screenSince !== undefined, screenSince });

function layout(overrides: Partial<LayoutInput>) {
  return computeLayout({ mode: "auto", selfId: "me", participants: [person("me"), person("ann"), person("ben")], pinned: null, spotlightId: null, activeSpeakerId: null, ...overrides });
}

const camera = (participantId: string) => ({ participantId, source: "camera" as const });
const screen = (participantId: string) => ({ participantId, source: "screen" as const });

describe("computeLayout", () => {
  it("shows everyone in a grid, in join order, when nothing is featured", () => {
    expect(layout({})).toEqual({ kind: "grid", tiles: [camera("me"), camera("ann"), camera("ben")] });
  });

  it("puts a screen share on stage automatically, with every camera in the filmstrip", () => {
    expect(layout({ participants: [person("me"), person("ann", 5), person("ben")] })).toEqual({
      kind: "stage",
      stage: screen("ann"),
      filmstrip: [camera("me"), camera("ann"), camera("ben")],
    });
  });

  it("features the newest share, and one's own only when nobody else shares", () => {
    expect(layout({ participants: [person("me"), person("ann", 5), person("ben", 9)] })).toMatchObject({ stage: screen("ben") });
    expect(layout({ participants: [person("me", 50), person("ann", 5)] })).toMatchObject({ stage: screen("ann") });
    expect(layout({ participants: [person("me", 50), person("ann")] })).toMatchObject({ stage: screen("me") });
  });

  it("prefers a pin over a spotlight over a share", () => {
    const participants = [person("me"), person("ann", 5), person("ben")];
    expect(layout({ participants, spotlightId: "ben" })).toMatchObject({ stage: camera("ben") });
    expect(layout({ participants, spotlightId: "ben", pinned: camera("me") })).toMatchObject({ stage: camera("me") });
  });

  it("shows a spotlit person's screen when they share one", () => {
    expect(layout({ participants: [person("me"), person("ann", 5)], spotlightId: "ann" })).toMatchObject({ stage: screen("ann") });
  });

  it("ignores a pin on a tile that no longer exists", () => {
    expect(layout({ pinned: screen("ann") })).toEqual({ kind: "grid", tiles: [camera("me"), camera("ann"), camera("ben")] });
  });

  it("speaker view stages the active speaker, else the first other person, never oneself unless alone", () => {
    expect(layout({ mode: "speaker", activeSpeakerId: "ben" })).toMatchObject({ kind: "stage", stage: camera("ben"), filmstrip: [camera("me"), camera("ann")] });
    expect(layout({ mode: "speaker", activeSpeakerId: "me" })).toMatchObject({ stage: camera("ann") });
    expect(layout({ mode: "speaker", participants: [person("me")] })).toEqual({ kind: "stage", stage: camera("me"), filmstrip: [] });
  });

  it("grid view keeps everyone equal, the featured tile first", () => {
    expect(layout({ mode: "grid", participants: [person("me"), person("ann", 5)] })).toEqual({ kind: "grid", tiles: [screen("ann"), camera("me"), camera("ann")] });
    expect(layout({ mode: "grid", pinned: camera("ben") })).toEqual({ kind: "grid", tiles: [camera("ben"), camera("me"), camera("ann")] });
  });

  it("cycles modes", () => {
    expect([nextLayoutMode("auto"), nextLayoutMode("grid"), nextLayoutMode("speaker")]).toEqual(["grid", "speaker", "auto"]);
  });
});
