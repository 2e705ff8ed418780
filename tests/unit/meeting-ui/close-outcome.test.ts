import { describe, expect, it } from "vitest";
import { closeDecision, closeOutcome, doorRefusal } from "@/lib/meeting-client/state/close-outcome";
import { CLOSE_CODES } from "@/lib/signaling";
import { initialMeetingViewState, reduceMeetingView } from "@/lib/meeting-client/state/meeting-view-state";

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

describe("closeDecision: waiting room and capacity", () => {
  it("explains a denial and a full meeting", () => {
    expect(closeDecision(CLOSE_CODES.denied)).toMatch(/didn't let you in/);
    expect(closeDecision(CLOSE_CODES.roomFull)).toMatch(/full/);
  });
});

describe("closeOutcome: the room closed by the server (4007)", () => {
  it("ends on the 'room closed' exit with the server's reason, and is never retried", () => {
    expect(closeOutcome(CLOSE_CODES.roomClosed, "expired")).toEqual({ exit: "closed", message: expect.stringMatching(/expired/) });
    expect(closeOutcome(CLOSE_CODES.roomClosed, "archived")?.message).toMatch(/archived/);
    expect(closeOutcome(CLOSE_CODES.roomClosed, "deleted")?.message).toMatch(/deleted/);
    expect(closeDecision(CLOSE_CODES.roomClosed, "deleted")).toMatch(/deleted/);
  });

  it("still explains a closed room whose reason is missing or unknown", () => {
    for (const reason of ["", "other"]) expect(closeOutcome(CLOSE_CODES.roomClosed, reason)).toEqual({ exit: "closed", message: expect.stringMatching(/no longer available/) });
  });

  it("calls a locked or full meeting a refusal at the door, whether the close or the hello's error says it", () => {
    expect(closeOutcome(CLOSE_CODES.roomLocked)).toEqual({ exit: "refused", message: expect.stringMatching(/locked: a host has to unlock it/) });
    expect(closeOutcome(CLOSE_CODES.roomFull)?.exit).toBe("refused");
    expect(doorRefusal("room_locked", "the meeting is locked")).toEqual(closeOutcome(CLOSE_CODES.roomLocked));
    expect(doorRefusal("room_full", "full")).toEqual(closeOutcome(CLOSE_CODES.roomFull));
    expect(doorRefusal("unsupported_version", "update the app")).toEqual({ exit: "failed", message: "update the app" });
  });

  it("keeps every other decision a plain failure and retries the rest", () => {
    expect(closeOutcome(CLOSE_CODES.removed)).toEqual({ exit: "failed", message: closeDecision(CLOSE_CODES.removed) });
    expect(closeOutcome(1006, "expired")).toBeNull();
  });
});

describe("the exit a closed room leads to", () => {
  it("ends the meeting on the 'closed' exit with the reason, and a later close does not replace it", () => {
    const joined = reduceMeetingView(initialMeetingViewState, { type: "join-started" });
    const outcome = closeOutcome(CLOSE_CODES.roomClosed, "archived")!;
    const closed = reduceMeetingView(joined, { type: "failed", message: outcome.message, exit: "closed" });
    expect(closed.phase).toBe("over");
    expect(closed.exit).toEqual({ reason: "closed", message: outcome.message });
    expect(reduceMeetingView(closed, { type: "failed", message: "later" })).toBe(closed);
    expect(reduceMeetingView(joined, { type: "failed", message: "x" }).exit?.reason).toBe("failed");
  });
});
