import { describe, expect, it } from "vitest";
import { closeDecision } from "@/components/meeting/state/close-outcome";
import { CLOSE_CODES } from "@/lib/signaling";

describe("closeDecision", () => {
  it("ends the meeting with an explanation for each of the room's own decisions", () => {
    const { left, ...decisions } = CLOSE_CODES;
    for (const code of Object.values(decisions)) expect(closeDecision(code)).toEqual(expect.any(String));
    expect(closeDecision(CLOSE_CODES.roomLocked)).toMatch(/locked/);
    expect(left).toBe(1000);
  });

  it("lets partysocket retry network failures, server restarts and its own failed attempts (1000)", () => {
    for (const code of [1000, 1001, 1005, 1006, 1011, 1012]) expect(closeDecision(code)).toBeNull();
  });
});
