import { describe, expect, it } from "vitest";
import { initialActiveSpeakerState, nextActiveSpeaker, SWITCH_AFTER_MS, type ActiveSpeakerState } from "@/lib/domain/active-speaker";

const TICK_MS = 250;
const LOUD = 0.2;
const QUIET = 0.005;

/** Feeds one sample per tick, from `start`, and returns the speaker after each. */
function run(state: ActiveSpeakerState, samples: Record<string, number>[], start = 0) {
  const speakers: (string | null)[] = [];
  samples.forEach((levels, index) => {
    state = nextActiveSpeaker(state, { at: start + index * TICK_MS, levels: new Map(Object.entries(levels)) });
    speakers.push(state.speakerId);
  });
  return { state, speakers };
}

const repeat = <T,>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

describe("nextActiveSpeaker", () => {
  it("puts the first person who speaks on stage at once", () => {
    expect(run(initialActiveSpeakerState, [{ alice: QUIET, bob: QUIET }, { alice: LOUD, bob: QUIET }]).speakers).toEqual([null, "alice"]);
  });

  it("keeps the speaker through a short interjection", () => {
    const { state } = run(initialActiveSpeakerState, repeat({ alice: LOUD, bob: QUIET }, 4));
    const interjection = [...repeat({ alice: QUIET, bob: LOUD }, 3), ...repeat({ alice: LOUD, bob: QUIET }, 4)];
    expect(run(state, interjection, 1_000).speakers.every((speaker) => speaker === "alice")).toBe(true);
  });

  it("does not flap when two people take turns faster than the switch delay", () => {
    const { state } = run(initialActiveSpeakerState, repeat({ alice: LOUD, bob: QUIET }, 4));
    const alternating = Array.from({ length: 40 }, (_, index) => (Math.floor(index / 2) % 2 === 0 ? { alice: QUIET, bob: LOUD } : { alice: LOUD, bob: QUIET }));
    expect(new Set(run(state, alternating, 1_000).speakers)).toEqual(new Set(["alice"]));
  });

  it("hands the stage over once someone has out-talked the speaker for the switch delay", () => {
    const { state } = run(initialActiveSpeakerState, repeat({ alice: LOUD, bob: QUIET }, 4));
    const { speakers } = run(state, repeat({ alice: QUIET, bob: LOUD }, 8), 1_000);
    const switchedAt = speakers.indexOf("bob");
    // Smoothed, bob is 1.5× louder than alice from the second sample on; he takes over SWITCH_AFTER_MS later.
    expect(switchedAt).toBe(1 + SWITCH_AFTER_MS / TICK_MS);
    expect(speakers.slice(switchedAt).every((speaker) => speaker === "bob")).toBe(true);
  });

  it("keeps the speaker when both talk at similar levels", () => {
    const { state } = run(initialActiveSpeakerState, repeat({ alice: 0.15, bob: QUIET }, 4));
    expect(new Set(run(state, repeat({ alice: 0.15, bob: 0.2 }, 20), 1_000).speakers)).toEqual(new Set(["alice"]));
  });

  it("keeps the last speaker on stage through silence", () => {
    const { state } = run(initialActiveSpeakerState, repeat({ alice: LOUD, bob: QUIET }, 4));
    expect(new Set(run(state, repeat({ alice: 0, bob: 0 }, 40), 1_000).speakers)).toEqual(new Set(["alice"]));
  });

  it("clears the stage when the speaker leaves, and gives it to whoever speaks next", () => {
    const { state } = run(initialActiveSpeakerState, repeat({ alice: LOUD, bob: QUIET }, 4));
    expect(run(state, [{ bob: QUIET }, { bob: LOUD }], 1_000).speakers).toEqual([null, "bob"]);
  });

  it("restarts the challenger's clock when someone else out-talks the speaker", () => {
    const { state } = run(initialActiveSpeakerState, repeat({ alice: LOUD, bob: QUIET, carol: QUIET }, 4));
    const contest = [...repeat({ alice: QUIET, bob: LOUD, carol: QUIET }, 3), ...repeat({ alice: QUIET, bob: QUIET, carol: 0.6 }, 3)];
    expect(run(state, contest, 1_000).speakers.every((speaker) => speaker === "alice")).toBe(true);
  });
});
