import { describe, expect, it } from "vitest";
import { effectReducer, type EffectEvent, type EffectState, initialEffectState, MODEL_RATES, modelRate, OVERLOAD_WINDOW_MS } from "@/lib/media/effects/effect-state";

const run = (events: EffectEvent[], from: EffectState = initialEffectState) => events.reduce(effectReducer, from);
const sample = (at: number, fps: number, cpuLimited = false): EffectEvent => ({ type: "sample", at, fps, minFps: 24, cpuLimited });
/** One sample a second from `from` to `to` ms inclusive. */
const samples = (from: number, to: number, fps: number, cpuLimited = false) =>
  Array.from({ length: Math.floor((to - from) / 1000) + 1 }, (_, index) => sample(from + index * 1000, fps, cpuLimited));

const running = run([{ type: "enable" }, { type: "ready" }]);

describe("effect state machine", () => {
  it("goes off → loading → running, and back to off", () => {
    expect(run([{ type: "enable" }]).phase).toBe("loading");
    expect(running).toMatchObject({ phase: "running", modelRateIndex: 0 });
    expect(modelRate(running)).toBe(MODEL_RATES[0]);
    expect(run([{ type: "disable" }], running)).toEqual(initialEffectState);
  });

  it("fails from loading, and a new enable retries", () => {
    const failed = run([{ type: "enable" }, { type: "failed", error: "no WebGL2" }]);
    expect(failed).toMatchObject({ phase: "failed", error: "no WebGL2" });
    expect(run([{ type: "enable" }], failed)).toMatchObject({ phase: "loading", error: null });
    // A late failure report after the person turned the effect off changes nothing.
    expect(run([{ type: "failed", error: "late" }])).toEqual(initialEffectState);
  });

  it("ignores ready when not loading and samples when not running", () => {
    expect(run([{ type: "ready" }])).toEqual(initialEffectState);
    expect(run([sample(0, 1), sample(10_000, 1)], run([{ type: "enable" }])).phase).toBe("loading");
  });

  it("ignores an overload shorter than the window", () => {
    const state = run([...samples(0, OVERLOAD_WINDOW_MS - 1000, 10), sample(OVERLOAD_WINDOW_MS, 30), ...samples(6000, 9000, 10)], running);
    expect(state).toMatchObject({ phase: "running", modelRateIndex: 0 });
  });

  it("lowers the model rate first, one step per 5 s window, and only then becomes degraded", () => {
    const lowered = run(samples(0, 5000, 12), running);
    expect(lowered).toMatchObject({ phase: "running", modelRateIndex: 1, overloadSince: null });
    const lowest = run(samples(6000, 11_000, 12), lowered);
    expect(lowest).toMatchObject({ phase: "running", modelRateIndex: MODEL_RATES.length - 1 });
    const degraded = run(samples(12_000, 17_000, 12), lowest);
    expect(degraded.phase).toBe("degraded");
    // Degraded stays degraded (the notice is shown once) until the person turns the effect off.
    expect(run(samples(18_000, 30_000, 30), degraded).phase).toBe("degraded");
  });

  it("counts an encoder that reports CPU limitation as overload even at full fps", () => {
    expect(run(samples(0, 5000, 30, true), running).modelRateIndex).toBe(1);
  });

  it("keeps the rate when the machine recovers within the window", () => {
    const state = run([...samples(0, 3000, 12), sample(4000, 29), ...samples(5000, 8000, 12)], running);
    expect(state).toMatchObject({ phase: "running", modelRateIndex: 0, overloadSince: 5000 });
  });
});
