import { describe, expect, it } from "vitest";
import { isPolite } from "@/lib/rtc/politeness";

const pairs = [
  ["alice", "bob"],
  ["3f2c9a1e-0b7d-4c55-9d2e-8a1f6b0c4e21", "3f2c9a1e-0b7d-4c55-9d2e-8a1f6b0c4e2"],
  ["Zoe", "adam"],
  ["é", "z"],
] as const;

describe("isPolite", () => {
  it.each(pairs)("makes exactly one of %s and %s polite during the first negotiation", (first, second) => {
    const politeFirst = isPolite({ selfId: first, peerId: second, createdTransceivers: null });
    const politeSecond = isPolite({ selfId: second, peerId: first, createdTransceivers: null });
    expect(politeFirst).not.toBe(politeSecond);
  });

  it("picks the id that sorts first, so both browsers agree without a message", () => {
    expect(isPolite({ selfId: "alice", peerId: "bob", createdTransceivers: null })).toBe(true);
    expect(isPolite({ selfId: "bob", peerId: "alice", createdTransceivers: null })).toBe(false);
    // Code-unit order, not locale order: upper case sorts before lower case.
    expect(isPolite({ selfId: "Zoe", peerId: "adam", createdTransceivers: null })).toBe(true);
  });

  it("once negotiated, makes the side whose offer created the transceivers polite, whatever the ids", () => {
    expect(isPolite({ selfId: "bob", peerId: "alice", createdTransceivers: true })).toBe(true);
    expect(isPolite({ selfId: "alice", peerId: "bob", createdTransceivers: false })).toBe(false);
  });

  it("refuses to peer with oneself", () => {
    expect(() => isPolite({ selfId: "alice", peerId: "alice", createdTransceivers: null })).toThrow(/own peer/);
  });
});
