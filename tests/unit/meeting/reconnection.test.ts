import { describe, expect, it } from "vitest";
import { RECONNECT_GRACE_MS, rosterOf } from "@/lib/meeting";
import { CLOSE_CODES } from "@/lib/signaling";
import { closes, deliveries, MeetingDriver, messagesTo } from "./meeting-driver";

function twoPeople() {
  const meeting = new MeetingDriver();
  const alice = meeting.join("alice", "host");
  const bob = meeting.join("bob");
  return { meeting, alice, bob };
}

describe("reconnection", () => {
  it("keeps a dropped participant as reconnecting, tells the others, and schedules its deadline", () => {
    const { meeting, alice, bob } = twoPeople();
    const { effects } = meeting.disconnect(bob.socket);
    const reconnecting = { ...bob.welcome.self, connection: "reconnecting" };
    expect(rosterOf(meeting.state)).toEqual([alice.welcome.self, reconnecting]);
    expect(messagesTo(effects, alice.socket)).toEqual([{ type: "participant-updated", participant: reconnecting }]);
    expect(meeting.wakeAt).toBe(meeting.now + RECONNECT_GRACE_MS);
    expect(meeting.storage.get(`seat:${bob.id}`)).toMatchObject({ graceDeadline: meeting.now + RECONNECT_GRACE_MS });
  });

  it("resumes within the grace: same participant id and state, a new token, peers see it connected, nobody left or joined", () => {
    const { meeting, alice, bob } = twoPeople();
    meeting.send(bob.socket, { type: "media", audio: true, video: true, screen: false });
    meeting.send(bob.socket, { type: "hand", raised: true });
    meeting.disconnect(bob.socket);
    meeting.advance(RECONNECT_GRACE_MS - 1);

    const back = meeting.join("bob", "participant", { resume: bob.welcome.resume });
    expect(back.id).toBe(bob.id);
    expect(back.welcome).toMatchObject({ resumed: true, self: { media: { audio: true, video: true }, hand: { raised: true }, connection: "connected" } });
    expect(back.welcome.resume).not.toBe(bob.welcome.resume);
    expect(messagesTo(back.transition.effects, alice.socket)).toEqual([{ type: "participant-updated", participant: back.welcome.self }]);
    expect(meeting.wakeAt).toBeNull();
    expect(meeting.advance(RECONNECT_GRACE_MS).effects.filter((effect) => effect.type !== "schedule")).toEqual([]);
  });

  it("takes the name from the new join token but keeps the live role, which only a host changes", () => {
    const { meeting, bob } = twoPeople();
    meeting.disconnect(bob.socket);
    const back = meeting.join("Robert", "host", { userId: "user-bob", resume: bob.welcome.resume });
    expect(back.welcome.self).toMatchObject({ id: bob.id, name: "Robert", role: "participant" });
  });

  it("drops the participant when the grace runs out", () => {
    const { meeting, alice, bob } = twoPeople();
    meeting.disconnect(bob.socket);
    expect(deliveries(meeting.advance(RECONNECT_GRACE_MS - 1).effects)).toEqual([]);
    const { effects } = meeting.advance(1);
    expect(messagesTo(effects, alice.socket)).toEqual([{ type: "participant-left", participantId: bob.id, reason: "timeout" }]);
    expect(meeting.storage.has(`seat:${bob.id}`)).toBe(false);
    const late = meeting.join("bob", "participant", { resume: bob.welcome.resume });
    expect(late.welcome.resumed).toBe(false);
    expect(late.id).not.toBe(bob.id);
  });

  it("accepts a resume token once, and only from the user it was issued to", () => {
    const { meeting, bob } = twoPeople();
    meeting.disconnect(bob.socket);
    const thief = meeting.join("mallory", "participant", { resume: bob.welcome.resume });
    expect(thief.welcome.resumed).toBe(false);
    expect(meeting.participant(bob.id)!.connection).toBe("reconnecting");

    const back = meeting.join("bob", "participant", { resume: bob.welcome.resume });
    expect(back.welcome.resumed).toBe(true);
    meeting.disconnect(back.socket);
    const replay = meeting.join("bob", "participant", { resume: bob.welcome.resume });
    expect(replay.welcome.resumed).toBe(false);
    expect(meeting.join("bob", "participant", { resume: back.welcome.resume }).id).toBe(bob.id);
  });

  it("lets a new socket take over from a half-open one, which is closed and whose late close changes nothing", () => {
    const { meeting, alice, bob } = twoPeople();
    const back = meeting.join("bob", "participant", { resume: bob.welcome.resume });
    expect(back.id).toBe(bob.id);
    expect(closes(back.transition.effects)).toEqual([{ connectionId: bob.socket, code: CLOSE_CODES.replaced }]);
    // Nothing changed for the others: the participant never stopped being connected.
    expect(messagesTo(back.transition.effects, alice.socket)).toEqual([]);
    const before = meeting.state;
    expect(meeting.disconnect(bob.socket).state).toBe(before);
    expect(meeting.send(bob.socket, { type: "media", audio: true, video: false, screen: false }).state).toBe(before);
  });

  it("announces a deliberate leave at once and closes the socket", () => {
    const { meeting, alice, bob } = twoPeople();
    const { effects } = meeting.send(bob.socket, { type: "leave" });
    expect(messagesTo(effects, alice.socket)).toEqual([{ type: "participant-left", participantId: bob.id, reason: "left" }]);
    expect(messagesTo(effects, bob.socket)).toEqual([]);
    expect(closes(effects)).toEqual([{ connectionId: bob.socket, code: CLOSE_CODES.left }]);
    expect(meeting.disconnect(bob.socket).effects).toEqual([]);
  });

  it("ends the meeting when the last participant is gone: chat and settings are not kept for the next one", () => {
    const { meeting, alice, bob } = twoPeople();
    meeting.chat(alice.socket, "private");
    meeting.send(alice.socket, { type: "lock", locked: true });
    meeting.send(bob.socket, { type: "leave" });
    meeting.disconnect(alice.socket);
    meeting.advance(RECONNECT_GRACE_MS);
    expect(meeting.storage.size).toBe(0);
    const next = meeting.join("dave");
    expect(next.welcome).toMatchObject({ chat: [], room: { locked: false, spotlight: null }, participants: [next.welcome.self] });
  });
});
