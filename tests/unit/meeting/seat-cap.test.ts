import { describe, expect, it } from "vitest";
import { MAX_SEATS_PER_USER } from "@/lib/meeting/handle-hello";
import { CLOSE_CODES } from "@/lib/signaling";
import { closes, MeetingDriver, messagesTo } from "./meeting-driver";

describe("seats per person", () => {
  it(`seats one user ${MAX_SEATS_PER_USER} times and refuses the next at the door, leaving the meeting as it was`, () => {
    const meeting = new MeetingDriver();
    const seats = Array.from({ length: MAX_SEATS_PER_USER }, (_, n) => meeting.join(`tab${n}`, "participant", { userId: "user-ann" }));
    const extra = meeting.connect("tab-extra", "participant", "user-ann");
    const { effects } = meeting.hello(extra);
    expect(messagesTo(effects, extra)).toEqual([{ type: "error", code: "too_many_seats", message: expect.stringContaining(`${MAX_SEATS_PER_USER} times`) }]);
    expect(closes(effects)).toEqual([{ connectionId: extra, code: CLOSE_CODES.tooManySeats }]);
    expect(meeting.state.seats.size).toBe(MAX_SEATS_PER_USER);
    // Nobody else is held back by it, and hosts are bound by it too.
    meeting.join("bob");
    const hostExtra = meeting.connect("tab-host", "host", "user-ann");
    expect(closes(meeting.hello(hostExtra).effects)).toEqual([{ connectionId: hostExtra, code: CLOSE_CODES.tooManySeats }]);
    expect(seats).toHaveLength(MAX_SEATS_PER_USER);
  });

  it("frees the place when a tab leaves or drops, and lets a dropped tab resume its own seat", () => {
    const meeting = new MeetingDriver();
    const seats = Array.from({ length: MAX_SEATS_PER_USER }, (_, n) => meeting.join(`tab${n}`, "participant", { userId: "user-ann" }));
    meeting.apply({ type: "message", now: meeting.now, connectionId: seats[1]!.socket, message: { type: "leave" } });
    meeting.join("tab-new", "participant", { userId: "user-ann" });
    // A reloaded tab's old seat waits in reconnection grace: it does not hold the reloaded page out.
    meeting.disconnect(seats[0]!.socket);
    meeting.join("tab0-reloaded", "participant", { userId: "user-ann" });
    const full = meeting.connect("tab-extra", "participant", "user-ann");
    expect(closes(meeting.hello(full).effects)).toEqual([{ connectionId: full, code: CLOSE_CODES.tooManySeats }]);
  });
});
