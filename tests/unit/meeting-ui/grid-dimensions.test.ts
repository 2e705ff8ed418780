import { describe, expect, it } from "vitest";
import { gridDimensions } from "@/lib/domain/grid-dimensions";

describe("gridDimensions", () => {
  it("gives a lone tile the whole width of a wide box", () => {
    expect(gridDimensions(1, 1600, 900, 16 / 9, 0)).toEqual({ columns: 1, rows: 1, tileWidth: 1600, tileHeight: 900 });
  });

  it("puts two people side by side on a monitor and stacked on an upright phone", () => {
    expect(gridDimensions(2, 1280, 640).columns).toBe(2);
    expect(gridDimensions(2, 360, 560).columns).toBe(1);
  });

  it("arranges four in two by two, and five in three columns on a wide box", () => {
    expect(gridDimensions(4, 1280, 720)).toMatchObject({ columns: 2, rows: 2 });
    expect(gridDimensions(5, 1600, 700)).toMatchObject({ columns: 3, rows: 2 });
  });

  it("keeps tiles at the aspect ratio and inside the box", () => {
    const { columns, rows, tileWidth, tileHeight } = gridDimensions(7, 1000, 600, 16 / 9, 8);
    expect(tileWidth / tileHeight).toBeCloseTo(16 / 9);
    expect(columns * tileWidth + (columns - 1) * 8).toBeLessThanOrEqual(1000 + 1e-9);
    expect(rows * tileHeight + (rows - 1) * 8).toBeLessThanOrEqual(600 + 1e-9);
  });

  it("survives an unmeasured box", () => {
    expect(gridDimensions(3, 0, 0)).toEqual({ columns: 1, rows: 3, tileWidth: 0, tileHeight: 0 });
  });
});
