import { describe, expect, it } from "vitest";
import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import { MeetingDriver, messagesTo } from "./meeting-driver";

const roomUpdates = (effects: Parameters<typeof messagesTo>[0], socket: string) =>
  messagesTo(effects, socket).filter((message) => message.type === "room-updated");

describe("the meeting's media path", () => {
  it("the fifth person moves the meeting to the SFU: their welcome says so and everyone else is told once", () => {
    const meeting = new MeetingDriver();
    const four = ["ann", "bob", "cat", "dan"].map((name) => meeting.join(name));
    for (const person of four) expect(person.welcome.room.mediaPath).toBe("mesh");
    expect(four.slice(1).every((person) => roomUpdates(person.transition.effects, four[0]!.socket).length === 0)).toBe(true);

    const eve = meeting.join("eve");
    expect(eve.welcome.room.mediaPath).toBe("sfu");
    expect(roomUpdates(eve.transition.effects, eve.socket)).toEqual([]);
    for (const person of four) expect(roomUpdates(eve.transition.effects, person.socket)).toEqual([expect.objectContaining({ mediaPath: "sfu" })]);
    expect(meeting.state.room.mediaPath).toBe("sfu");
  });

  it("stays on the SFU at four and goes back to the mesh when the meeting is down to three", () => {
    const meeting = new MeetingDriver();
    const people = ["ann", "bob", "cat", "dan", "eve"].map((name) => meeting.join(name));
    const first = meeting.send(people[4]!.socket, { type: "leave" } as never);
    expect(meeting.state.room.mediaPath).toBe("sfu");
    expect(roomUpdates(first.effects, people[0]!.socket)).toEqual([]);
    const second = meeting.disconnect(people[3]!.socket);
    // A dropped socket keeps its seat through the grace period: still four seated.
    expect(meeting.state.room.mediaPath).toBe("sfu");
    expect(roomUpdates(second.effects, people[0]!.socket)).toEqual([]);
    const expired = meeting.advance(60_000);
    expect(meeting.state.room.mediaPath).toBe("mesh");
    expect(roomUpdates(expired.effects, people[0]!.socket)).toEqual([expect.objectContaining({ mediaPath: "mesh" })]);
  });

  it("someone admitted from the waiting room counts like anyone joining", () => {
    const meeting = new MeetingDriver();
    const policy = { ...defaultRoomPolicy, waitingRoom: true };
    const host = meeting.join("hannah", "host", { policy });
    const others = ["bob", "cat", "dan"].map((name) => meeting.join(name, "host", { policy }));
    const eve = meeting.knock("eve", "participant", { policy });
    const admitted = meeting.admit(host.socket, { participantId: eve.id });
    expect(meeting.state.room.mediaPath).toBe("sfu");
    expect(messagesTo(admitted.effects, eve.socket).find((message) => message.type === "welcome")).toMatchObject({ room: { mediaPath: "sfu" } });
    for (const person of [host, ...others]) expect(roomUpdates(admitted.effects, person.socket)).toEqual([expect.objectContaining({ mediaPath: "sfu" })]);
  });

  it("a room newly marked large meeting moves to the SFU at once, and back when the mark goes", () => {
    const meeting = new MeetingDriver();
    const ann = meeting.join("ann");
    meeting.advance(1);
    const large = meeting.apply({ type: "policy", now: meeting.now, policy: { value: { ...defaultRoomPolicy, largeMeeting: true }, stamp: meeting.now } });
    expect(roomUpdates(large.effects, ann.socket)).toEqual([expect.objectContaining({ mediaPath: "sfu" })]);
    meeting.advance(1);
    const small = meeting.apply({ type: "policy", now: meeting.now, policy: { value: defaultRoomPolicy, stamp: meeting.now } });
    expect(roomUpdates(small.effects, ann.socket)).toEqual([expect.objectContaining({ mediaPath: "mesh" })]);
  });
});
