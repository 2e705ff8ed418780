import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import { describe, expect, it } from "vitest";
import { emptyMeeting, rosterOf } from "@/lib/meeting";
import { CLOSE_CODES, type ClientMessage } from "@/lib/signaling";
import { closes, deliveries, MeetingDriver, messagesTo } from "./meeting-driver";

function meetingWithHost() {
  const meeting = new MeetingDriver();
  const host = meeting.join("hannah", "host");
  const bob = meeting.join("bob");
  const carol = meeting.join("carol", "presenter");
  return { meeting, host, bob, carol };
}

describe("host actions", () => {
  it.each<[string, (target: string) => Exclude<ClientMessage, { type: "hello" | "chat" | "admit" | "record" }>]>([
    ["mute", (target) => ({ type: "mute", participantId: target })],
    ["mute-all", () => ({ type: "mute-all", exceptPresenters: false })],
    ["ask-unmute", (target) => ({ type: "ask-unmute", participantId: target })],
    ["lower-hands", () => ({ type: "lower-hands" })],
    ["stop-share", (target) => ({ type: "stop-share", participantId: target })],
    ["remove", (target) => ({ type: "remove", participantId: target })],
    ["end", () => ({ type: "end" })],
    ["lock", () => ({ type: "lock", locked: true })],
    ["spotlight", (target) => ({ type: "spotlight", participantId: target })],
  ])("refuses %s from a non-host with forbidden, changing nothing", (_label, action) => {
    const { meeting, host, bob, carol } = meetingWithHost();
    meeting.send(host.socket, { type: "media", audio: true, video: false, screen: false });
    const before = meeting.state;
    for (const sender of [bob, carol]) {
      const { state, effects } = meeting.send(sender.socket, action(host.id));
      expect(state).toBe(before);
      expect(effects).toEqual([{ type: "send", to: sender.socket, message: { type: "error", code: "forbidden", message: expect.any(String) } }]);
    }
  });

  it("mutes a participant: audio off for everyone to see, and the target is told", () => {
    const { meeting, host, bob, carol } = meetingWithHost();
    meeting.send(bob.socket, { type: "media", audio: true, video: true, screen: false });
    const { effects } = meeting.send(host.socket, { type: "mute", participantId: bob.id });
    expect(meeting.participant(bob.id)!.media).toEqual({ audio: false, video: true, screen: false });
    expect(messagesTo(effects, bob.socket)).toEqual([
      { type: "muted-by-host", by: host.id },
      { type: "participant-updated", participant: meeting.participant(bob.id) },
    ]);
    expect(messagesTo(effects, carol.socket)).toEqual([{ type: "participant-updated", participant: meeting.participant(bob.id) }]);
  });

  it("removes a participant: told, closed, gone for everyone, and its resume token is dead", () => {
    const { meeting, host, bob, carol } = meetingWithHost();
    const { effects } = meeting.send(host.socket, { type: "remove", participantId: bob.id });
    expect(messagesTo(effects, bob.socket)).toEqual([{ type: "removed", by: host.id }]);
    expect(closes(effects)).toEqual([{ connectionId: bob.socket, code: CLOSE_CODES.removed }]);
    expect(messagesTo(effects, carol.socket)).toEqual([{ type: "participant-left", participantId: bob.id, reason: "removed" }]);
    expect(meeting.state.seats.has(bob.id)).toBe(false);
    expect(meeting.storage.has(`seat:${bob.id}`)).toBe(false);

    // Its socket's close arrives later and changes nothing.
    const before = meeting.state;
    expect(meeting.disconnect(bob.socket).state).toBe(before);
    const back = meeting.join("bob", "participant", { resume: bob.welcome.resume });
    expect(back.welcome.resumed).toBe(false);
    expect(back.id).not.toBe(bob.id);
  });

  it("removes a reconnecting participant before its grace runs out", () => {
    const { meeting, host, bob } = meetingWithHost();
    meeting.disconnect(bob.socket);
    const { effects } = meeting.send(host.socket, { type: "remove", participantId: bob.id });
    expect(messagesTo(effects, host.socket)).toEqual([{ type: "participant-left", participantId: bob.id, reason: "removed" }]);
    expect(closes(effects)).toEqual([]);
    expect(meeting.wakeAt).toBeNull();
  });

  it("ends the meeting: everyone told and closed, pending sockets too, state and storage empty", () => {
    const { meeting, host, bob, carol } = meetingWithHost();
    meeting.chat(bob.socket, "bye");
    const pending = meeting.connect("late");
    const { state, effects } = meeting.send(host.socket, { type: "end" });
    for (const socket of [host.socket, bob.socket, carol.socket, pending]) {
      expect(messagesTo(effects, socket)).toEqual([{ type: "ended", by: host.id }]);
    }
    expect(closes(effects).map((closed) => closed.code)).toEqual(Array(4).fill(CLOSE_CODES.ended));
    expect(state).toEqual(emptyMeeting);
    expect(meeting.storage.size).toBe(0);
    expect(meeting.wakeAt).toBeNull();
  });

  it("locks the room: a new participant is refused and closed, hosts and resuming participants still get in", () => {
    const { meeting, host, bob, carol } = meetingWithHost();
    const { effects } = meeting.send(host.socket, { type: "lock", locked: true });
    for (const socket of [host.socket, bob.socket, carol.socket]) {
      expect(messagesTo(effects, socket)).toEqual([{ type: "room-updated", locked: true, spotlight: null, policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" }]);
    }

    const stranger = meeting.connect("stranger");
    const refused = meeting.hello(stranger);
    expect(messagesTo(refused.effects, stranger)).toMatchObject([{ type: "error", code: "room_locked" }]);
    expect(closes(refused.effects)).toEqual([{ connectionId: stranger, code: CLOSE_CODES.roomLocked }]);
    expect(deliveries(refused.effects).filter((delivery) => delivery.to !== stranger)).toEqual([]);
    expect(rosterOf(meeting.state)).toHaveLength(3);

    expect(meeting.join("cohost", "host").welcome.room.locked).toBe(true);
    meeting.disconnect(bob.socket);
    expect(meeting.join("bob", "participant", { resume: bob.welcome.resume }).welcome.resumed).toBe(true);
    // A resume token that no longer names a seat (this one was just used) does not get round the lock.
    const replay = meeting.connect("bob");
    expect(messagesTo(meeting.hello(replay, { resume: bob.welcome.resume }).effects, replay)).toMatchObject([{ type: "error", code: "room_locked" }]);
  });

  it("spotlights a participant for everyone, refuses unknown targets, and clears the spotlight when its subject leaves", () => {
    const { meeting, host, bob, carol } = meetingWithHost();
    const { effects } = meeting.send(host.socket, { type: "spotlight", participantId: carol.id });
    expect(messagesTo(effects, bob.socket)).toEqual([{ type: "room-updated", locked: false, spotlight: carol.id, policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" }]);
    expect(messagesTo(meeting.send(host.socket, { type: "spotlight", participantId: "nobody" }).effects, host.socket)).toMatchObject([
      { type: "error", code: "unknown_participant" },
    ]);

    const left = meeting.send(carol.socket, { type: "leave" });
    expect(messagesTo(left.effects, bob.socket)).toEqual([
      { type: "participant-left", participantId: carol.id, reason: "left" },
      { type: "room-updated", locked: false, spotlight: null, policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" },
    ]);
  });

  it("keeps the spotlight on a participant who is only reconnecting", () => {
    const { meeting, host, carol } = meetingWithHost();
    meeting.send(host.socket, { type: "spotlight", participantId: carol.id });
    meeting.disconnect(carol.socket);
    expect(meeting.state.room.spotlight).toBe(carol.id);
  });
});
