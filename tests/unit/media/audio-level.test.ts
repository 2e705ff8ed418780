import { describe, expect, it } from "vitest";
import { levelFromSamples } from "@/lib/media/audio-level";

const sine = (amplitude: number, length = 1024) => Float32Array.from({ length }, (_, index) => amplitude * Math.sin((2 * Math.PI * index) / 64));

describe("levelFromSamples", () => {
  it("is 0 for silence and for an empty block", () => {
    expect(levelFromSamples(new Float32Array(512))).toBe(0);
    expect(levelFromSamples(new Float32Array(0))).toBe(0);
  });

  it("maps −60…0 dBFS onto 0…1, so quiet speech still shows", () => {
    expect(levelFromSamples(Float32Array.from({ length: 256 }, () => 1))).toBeCloseTo(1);
    expect(levelFromSamples(sine(Math.SQRT2 * 0.01))).toBeCloseTo(1 / 3, 2); // RMS 0.01 = −40 dBFS
    expect(levelFromSamples(sine(0.0001))).toBe(0);
  });

  it("grows with loudness", () => {
    expect(levelFromSamples(sine(0.5))).toBeGreaterThan(levelFromSamples(sine(0.05)));
  });
});
