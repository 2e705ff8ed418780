import { describe, expect, it } from "vitest";
import { handRaisedAt, participantsInListOrder } from "@/lib/meeting-client/state/participant-facts";
import { participant } from "./fixtures";

describe("participantsInListOrder", () => {
  it("lists raised hands first, in the order they went up, then everyone else in join order", () => {
    const list = participantsInListOrder([
      participant("a"),
      participant("b", { hand: { raised: true, raisedAt: 30 } }),
      participant("c"),
      participant("d", { hand: { raised: true, raisedAt: 10 } }),
    ]);
    expect(list.map((p) => p.id)).toEqual(["d", "b", "a", "c"]);
  });

  it("dates a raised hand without a time by when its owner joined", () => {
    expect(handRaisedAt(participant("a", { joinedAt: 77, hand: { raised: true } }))).toBe(77);
    expect(handRaisedAt(participant("a", { hand: { raised: false, raisedAt: 5 } }))).toBeNull();
  });
});
