import { describe, expect, it } from "vitest";
import { fitVideo, placeScene, type SceneTile } from "@/lib/recording/recording-scene";

const tile = (key: string, screen = false): SceneTile => ({ key, name: key, track: null, videoOn: false, microphoneOn: true, screen });

const inside = (rect: { x: number; y: number; width: number; height: number }, width: number, height: number) =>
  rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= width + 0.001 && rect.y + rect.height <= height + 0.001;

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("placing the meeting in the recording", () => {
  it.each([1, 2, 3, 4, 5, 9, 16])("a grid of %i fits the frame without overlap, tiles 16:9", (count) => {
    const placed = placeScene({ kind: "grid", tiles: Array.from({ length: count }, (_, index) => tile(`t${index}`)) }, 1280, 720);
    expect(placed).toHaveLength(count);
    for (const [index, { rect }] of placed.entries()) {
      expect(inside(rect, 1280, 720)).toBe(true);
      expect(rect.width / rect.height).toBeCloseTo(16 / 9, 3);
      for (const other of placed.slice(index + 1)) expect(overlaps(rect, other.rect)).toBe(false);
    }
  });

  it("puts the stage tile large above a filmstrip of at most six", () => {
    const filmstrip = Array.from({ length: 8 }, (_, index) => tile(`f${index}`));
    const [stage, ...strip] = placeScene({ kind: "stage", stage: tile("screen", true), filmstrip }, 1280, 720);
    expect(stage!.tile.key).toBe("screen");
    expect(strip).toHaveLength(6);
    for (const { rect } of strip) {
      expect(rect.y).toBeGreaterThan(stage!.rect.y + stage!.rect.height);
      expect(rect.width * rect.height).toBeLessThan((stage!.rect.width * stage!.rect.height) / 10);
      expect(inside(rect, 1280, 720)).toBe(true);
    }
  });

  it("a stage without a filmstrip takes the whole frame", () => {
    const [stage] = placeScene({ kind: "stage", stage: tile("a"), filmstrip: [] }, 1280, 720);
    expect(stage!.rect).toEqual({ x: 8, y: 8, width: 1264, height: 704 });
  });
});

describe("fitting video into a tile", () => {
  const box = { x: 10, y: 20, width: 320, height: 180 };
  it("cover crops a 4:3 camera to fill the 16:9 tile, centred", () => {
    const { source, target } = fitVideo(640, 480, box, "cover");
    expect(target).toEqual(box);
    expect(source.width).toBe(640);
    expect(source.height).toBeCloseTo(360);
    expect(source.y).toBeCloseTo(60);
  });
  it("contain letterboxes a tall screen share without cropping it", () => {
    const { source, target } = fitVideo(1000, 1000, box, "contain");
    expect(source).toEqual({ x: 0, y: 0, width: 1000, height: 1000 });
    expect(target).toEqual({ x: 10 + 70, y: 20, width: 180, height: 180 });
  });
});
