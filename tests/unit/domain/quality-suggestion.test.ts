import { describe, expect, it } from "vitest";
import {
  COOLDOWN_MS,
  initialSuggestionState,
  nextSuggestion,
  POOR_FOR_MS,
  spendSuggestion,
  type SuggestionInput,
  type SuggestionState,
} from "@/lib/domain/quality-suggestion";

const base: Omit<SuggestionInput, "now"> = { quality: "poor", cpuLimited: false, sendingVideo: true, receivingVideo: true };

/** Feeds one input every 2 s (the sampler's interval) from `from` to `to` inclusive; returns what was shown when. */
function run(state: SuggestionState, from: number, to: number, input: Partial<SuggestionInput> = {}) {
  const shown: { at: number; suggestion: string }[] = [];
  for (let now = from; now <= to; now += 2_000) {
    const step = nextSuggestion(state, { ...base, ...input, now });
    state = step.state;
    if (step.suggestion) shown.push({ at: now, suggestion: step.suggestion });
  }
  return { state, shown };
}

describe("nextSuggestion", () => {
  it("waits until quality has stayed poor for 10 s", () => {
    const { shown } = run(initialSuggestionState, 0, 20_000);
    expect(shown).toEqual([{ at: POOR_FOR_MS, suggestion: "turn-off-video" }]);
  });

  it("restarts the clock when quality recovers or the connection is lost", () => {
    let { state, shown } = run(initialSuggestionState, 0, 8_000);
    ({ state } = run(state, 10_000, 10_000, { quality: "good" }));
    ({ state, shown } = run(state, 12_000, 20_000));
    expect(shown).toEqual([]);
    ({ state } = run(state, 22_000, 22_000, { quality: "lost" }));
    expect(state.poorSince).toBeNull();
    expect(run(state, 24_000, 34_000).shown).toEqual([{ at: 34_000, suggestion: "turn-off-video" }]);
  });

  it("suggests closing other apps when the encoder is CPU-limited", () => {
    expect(run(initialSuggestionState, 0, 10_000, { cpuLimited: true }).shown).toEqual([{ at: 10_000, suggestion: "close-other-apps" }]);
  });

  it("suggests audio only when not sending video", () => {
    expect(run(initialSuggestionState, 0, 10_000, { sendingVideo: false }).shown).toEqual([{ at: 10_000, suggestion: "audio-only" }]);
  });

  it("suggests nothing when there is no video either way", () => {
    expect(run(initialSuggestionState, 0, 30_000, { sendingVideo: false, receivingVideo: false }).shown).toEqual([]);
  });

  it("does not nag: one suggestion per cooldown, even across recoveries", () => {
    let { state, shown } = run(initialSuggestionState, 0, 60_000);
    expect(shown).toHaveLength(1);
    ({ state } = run(state, 62_000, 62_000, { quality: "excellent" }));
    ({ state, shown } = run(state, 64_000, COOLDOWN_MS + 8_000));
    expect(shown).toEqual([]);
    ({ shown } = run(state, COOLDOWN_MS + 10_000, COOLDOWN_MS + 10_000));
    expect(shown).toEqual([{ at: COOLDOWN_MS + 10_000, suggestion: "turn-off-video" }]);
  });

  it("never offers a spent suggestion again and moves on to the next one", () => {
    let { state } = run(initialSuggestionState, 0, 10_000, { cpuLimited: true });
    state = spendSuggestion(state, "close-other-apps");
    const later = run(state, 10_000 + COOLDOWN_MS, 10_000 + COOLDOWN_MS, { cpuLimited: true });
    expect(later.shown).toEqual([{ at: 10_000 + COOLDOWN_MS, suggestion: "turn-off-video" }]);
    const spentAll = spendSuggestion(spendSuggestion(later.state, "turn-off-video"), "audio-only");
    expect(run(spentAll, 20_000 + 2 * COOLDOWN_MS, 40_000 + 2 * COOLDOWN_MS, { cpuLimited: true }).shown).toEqual([]);
    expect(spendSuggestion(spentAll, "audio-only")).toBe(spentAll);
  });
});
