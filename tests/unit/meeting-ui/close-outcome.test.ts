import { describe, expect, it } from "vitest";
import { closeDecision } from "@/components/meeting/state/close-outcome";
import { CLOSE_CODES } from "@/lib/signaling";

describe("closeDecision", () => {
  it("ends the meeting with an explanation for each of the room's own close codes", () => {
    for (const code of Object.values(CLOSE_CODES)) expect(closeDecision(code)).toEqual(expect.any(String));
    expect(closeDecision(CLOSE_CODES.roomLocked)).toMatch(/locked/);
  });

  it("lets partysocket retry network failures and server restarts", () => {
    for (const code of [1001, 1005, 1006, 1011, 1012]) expect(closeDecision(code)).toBeNull();
  });
});
