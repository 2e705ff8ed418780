import { describe, expect, it } from "vitest";
import {
  defaultLowLightConfig,
  gainFor,
  initialLowLightState,
  type LowLightState,
  meanLuma,
  toneCurve,
  updateLowLight,
} from "@/lib/media/effects/luminance-controller";

const FRAME_MS = 1000 / 30;

function feed(lumas: number[], from: LowLightState = initialLowLightState): LowLightState[] {
  const states: LowLightState[] = [];
  let state = from;
  for (const luma of lumas) states.push((state = updateLowLight(state, luma, FRAME_MS)));
  return states;
}

/** A deterministic pseudo-random sequence, so the noise tests do not flake. */
function noise(count: number, amplitude: number, seed = 1): number[] {
  let value = seed;
  return Array.from({ length: count }, () => {
    value = (value * 1_103_515_245 + 12_345) % 2 ** 31;
    return (value / 2 ** 31 - 0.5) * 2 * amplitude;
  });
}

describe("tone curve", () => {
  it("is the identity at gain 1 and never maps [0, 1] outside [0, 1]", () => {
    for (const x of [0, 0.1, 0.5, 0.9, 1]) expect(toneCurve(x, 1)).toBeCloseTo(x, 10);
    for (const gain of [1.5, 3, 5]) {
      expect(toneCurve(1, gain)).toBeCloseTo(1, 10);
      for (let x = 0; x <= 1; x += 0.05) expect(toneCurve(x, gain)).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it("gainFor maps the luma onto the target, within [1, maxGain]", () => {
    expect(toneCurve(0.25, gainFor(0.25, 0.45, 10))).toBeCloseTo(0.45, 6);
    expect(gainFor(0.6, 0.45, 5)).toBe(1);
    expect(gainFor(0.01, 0.45, 5)).toBe(5);
  });
});

describe("low-light controller", () => {
  it("engages on a dark picture and brings its mean towards the target within about two seconds", () => {
    const states = feed(Array(90).fill(0.14));
    const last = states.at(-1)!;
    expect(last.engaged).toBe(true);
    expect(last.strength).toBe(1);
    expect(toneCurve(0.14, last.gain)).toBeGreaterThan(0.35);
  });

  it("leaves a normal picture exactly unchanged", () => {
    for (const state of feed([...Array(300).fill(0.45)].map((luma, index) => luma + noise(300, 0.03)[index]!))) {
      expect(state).toMatchObject({ engaged: false, strength: 0, gain: 1 });
    }
  });

  it("does not flicker around the threshold: noisy luma near it never toggles more than once", () => {
    const lumas = noise(600, 0.06, 7).map((delta) => 0.33 + delta);
    const states = feed(lumas, { ...initialLowLightState, luma: 0.2, engaged: true, strength: 1, gain: 2 });
    const toggles = states.filter((state, index) => index > 0 && state.engaged !== states[index - 1]!.engaged).length;
    expect(toggles).toBe(0);
  });

  it("changes the picture gradually: per-frame steps in gain and strength stay small", () => {
    const lumas = [...Array(60).fill(0.45), ...Array(120).fill(0.12), ...Array(120).fill(0.6)];
    const states = feed(lumas.map((luma, index) => luma + noise(lumas.length, 0.02, 3)[index]!));
    for (let index = 1; index < states.length; index += 1) {
      const [before, after] = [states[index - 1]!, states[index]!];
      expect(Math.abs(after.strength - before.strength)).toBeLessThanOrEqual(FRAME_MS / defaultLowLightConfig.rampMs + 1e-9);
      // What the person sees: a dark pixel's rendered value, mix(x, curve(x), strength), moves < 3 % per frame.
      const rendered = (state: LowLightState) => 0.12 + state.strength * (toneCurve(0.12, state.gain) - 0.12);
      expect(Math.abs(rendered(after) - rendered(before))).toBeLessThan(0.03);
    }
    expect(states[170]!.engaged).toBe(true);
    expect(states.at(-1)).toMatchObject({ engaged: false, strength: 0, gain: 1 });
  });

  it("measures mean luma from RGBA pixels", () => {
    expect(meanLuma(new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255]))).toBeCloseTo(0.5, 6);
    expect(meanLuma(new Uint8ClampedArray([255, 0, 0, 255]))).toBeCloseTo(0.299, 6);
    expect(meanLuma(new Uint8ClampedArray([]))).toBe(0);
  });
});
