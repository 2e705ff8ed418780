import { describe, expect, it } from "vitest";
import { featherMask, smoothMask } from "@/lib/media/effects/mask-smoothing";

describe("temporal mask smoothing", () => {
  it("copies the first mask", () => {
    const out = new Float32Array(3);
    expect([...smoothMask(null, [0, 0.5, 1], out)]).toEqual([0, 0.5, 1]);
  });

  it("damps small shimmer but follows large changes (motion) at once", () => {
    const previous = new Float32Array([0.5, 0.5, 0, 1]);
    const out = smoothMask(previous, [0.6, 0.4, 1, 0], new Float32Array(4), { minAlpha: 0.4, motionGain: 1.5 });
    expect(out[0]).toBeCloseTo(0.5 + 0.55 * 0.1, 6);
    expect(out[1]).toBeCloseTo(0.5 - 0.55 * 0.1, 6);
    expect(out[2]).toBe(1);
    expect(out[3]).toBe(0);
  });

  it("reduces frame-to-frame flicker of a noisy edge", () => {
    let state: Float32Array | null = null;
    const outputs: number[] = [];
    for (let frame = 0; frame < 100; frame += 1) {
      const raw = [frame % 2 === 0 ? 0.4 : 0.6];
      state = smoothMask(state, raw, state ?? new Float32Array(1));
      outputs.push(state[0]!);
    }
    const swings = outputs.slice(50).map((value, index, all) => (index === 0 ? 0 : Math.abs(value - all[index - 1]!)));
    expect(Math.max(...swings)).toBeLessThan(0.2 / 2);
  });

  it("works in place and rejects masks of different sizes", () => {
    const mask = new Float32Array([0, 0]);
    expect(smoothMask(mask, [1, 1], mask)).toBe(mask);
    expect(() => smoothMask(null, [1], new Float32Array(2))).toThrow();
  });
});

describe("feathering", () => {
  it("turns a hard vertical edge into a ramp of 2·radius + 1 pixels, keeping flat regions", () => {
    const [width, height] = [10, 3];
    const mask = new Float32Array(width * height).map((_, index) => (index % width >= 5 ? 1 : 0));
    featherMask(mask, width, height, 2, new Float32Array(width * height));
    const row = [...mask.slice(width, 2 * width)].map((value) => Number(value.toFixed(3)));
    expect(row).toEqual([0, 0, 0, 0.2, 0.4, 0.6, 0.8, 1, 1, 1]);
  });

  it("preserves a constant mask and the mean of a mask away from the borders", () => {
    const mask = new Float32Array(64).fill(0.7);
    featherMask(mask, 8, 8, 3, new Float32Array(64));
    for (const value of mask) expect(value).toBeCloseTo(0.7, 6);
    const dot = new Float32Array(81);
    dot[40] = 1;
    featherMask(dot, 9, 9, 1, new Float32Array(81));
    expect(dot.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 6);
    expect(dot[40]).toBeCloseTo(1 / 9, 6);
  });
});
