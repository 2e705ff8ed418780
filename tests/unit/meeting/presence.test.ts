import { describe, expect, it } from "vitest";
import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import { presenceOf } from "@/lib/meeting";
import { MeetingDriver } from "./meeting-driver";

describe("presenceOf", () => {
  it("knows who is seated, with their role and whether they may chat", () => {
    const meeting = new MeetingDriver();
    meeting.join("hannah", "host");
    meeting.join("olga", "observer");
    expect(presenceOf(meeting.state, "user-hannah")).toEqual({ seated: true, role: "host", mayChat: true });
    expect(presenceOf(meeting.state, "user-olga")).toMatchObject({ seated: true, role: "observer" });
    expect(presenceOf(meeting.state, "user-carol")).toEqual({ seated: false, role: null, mayChat: false });
  });

  it("says no one may chat when the room turned chat off", () => {
    const meeting = new MeetingDriver();
    meeting.join("hannah", "host", { policy: { ...defaultRoomPolicy, chatEnabled: false } });
    expect(presenceOf(meeting.state, "user-hannah")).toEqual({ seated: true, role: "host", mayChat: false });
  });

  it("does not count someone still in the waiting room", () => {
    const meeting = new MeetingDriver();
    meeting.join("hannah", "host", { policy: { ...defaultRoomPolicy, waitingRoom: true } });
    const dan = meeting.connect("dan", "participant");
    meeting.hello(dan);
    expect(presenceOf(meeting.state, "user-dan").seated).toBe(false);
  });
});
