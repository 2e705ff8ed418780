import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import { describe, expect, it } from "vitest";
import { RECONNECT_GRACE_MS, restoreMeeting, rosterOf, storageChanges } from "@/lib/meeting";
import { MeetingDriver } from "./meeting-driver";

function busyMeeting() {
  const meeting = new MeetingDriver();
  const alice = meeting.join("alice", "host");
  const bob = meeting.join("bob");
  const carol = meeting.join("carol");
  meeting.send(bob.socket, { type: "media", audio: true, video: true, screen: false });
  meeting.send(carol.socket, { type: "hand", raised: true });
  meeting.chat(alice.socket, "one");
  meeting.chat(bob.socket, "two");
  meeting.send(alice.socket, { type: "lock", locked: true });
  meeting.send(alice.socket, { type: "spotlight", participantId: bob.id });
  return { meeting, alice, bob, carol };
}

describe("meeting persistence", () => {
  it("writes only what changed: one seat for a media toggle, nothing for a relay or a quality report", () => {
    const { meeting, alice, bob } = busyMeeting();
    const toggle = meeting.send(alice.socket, { type: "media", audio: true, video: false, screen: false });
    expect(toggle.effects[0]).toEqual({ type: "persist", put: new Map([[`seat:${alice.id}`, expect.anything()]]), delete: [] });

    const relay = meeting.send(alice.socket, { type: "signal", to: bob.id, payload: { kind: "end-of-candidates" } });
    const quality = meeting.send(alice.socket, {
      type: "quality",
      level: "good",
      summary: { lossPct: 0, rttMs: 10, jitterMs: 1, bitrateInKbps: 1, bitrateOutKbps: 1 },
    });
    for (const { effects } of [relay, quality]) expect(effects.some((effect) => effect.type === "persist")).toBe(false);
    expect(storageChanges(meeting.state, meeting.state)).toBeUndefined();
  });

  it("never stores a resume token, only its hash", () => {
    const { meeting, alice } = busyMeeting();
    expect(JSON.stringify([...meeting.storage])).not.toContain(alice.welcome.resume);
  });

  it("restores roster, chat, lock and spotlight after a restart, everyone reconnecting with a fresh grace", () => {
    const { meeting, alice, bob, carol } = busyMeeting();
    const later = meeting.now + 60_000;
    const { state, effects } = restoreMeeting(meeting.storage, later);

    expect(rosterOf(state)).toEqual(rosterOf(meeting.state).map((participant) => ({ ...participant, connection: "reconnecting" })));
    expect(state.chat.map((entry) => entry.message)).toEqual(meeting.state.chat.map((entry) => entry.message));
    expect(state.room).toEqual({ locked: true, spotlight: bob.id, policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" });
    expect(state.connections.size).toBe(0);
    for (const seat of state.seats.values()) expect(seat.graceDeadline).toBe(later + RECONNECT_GRACE_MS);
    expect(effects).toContainEqual({ type: "schedule", at: later + RECONNECT_GRACE_MS });

    // The fresh deadlines are written back, so a second restart does not extend them again.
    const storage = new Map(meeting.storage);
    for (const effect of effects) if (effect.type === "persist") for (const [key, value] of effect.put) storage.set(key, value);
    const again = restoreMeeting(storage, later + 10_000);
    for (const seat of again.state.seats.values()) expect(seat.graceDeadline).toBe(later + RECONNECT_GRACE_MS);

    // Each participant can resume its seat with the token it holds.
    const resumed = new MeetingDriver();
    resumed.state = state;
    resumed.now = later;
    for (const person of [alice, bob, carol]) {
      expect(resumed.join(person.welcome.self.name, person.welcome.self.role, { resume: person.welcome.resume }).id).toBe(person.id);
    }
  });

  it("keeps the deadline of a participant that was already reconnecting, and drops it if that has passed", () => {
    const { meeting, bob } = busyMeeting();
    meeting.disconnect(bob.socket);
    const deadline = meeting.now + RECONNECT_GRACE_MS;

    const early = restoreMeeting(meeting.storage, meeting.now + 5_000);
    expect(early.state.seats.get(bob.id)!.graceDeadline).toBe(deadline);

    const late = restoreMeeting(meeting.storage, deadline);
    expect(late.state.seats.has(bob.id)).toBe(false);
    expect(late.state.room.spotlight).toBeNull();
    expect(late.effects[0]).toMatchObject({ type: "persist", delete: [`seat:${bob.id}`] });
  });

  it("restores nothing from empty storage and forgets a meeting whose participants are all gone", () => {
    expect(restoreMeeting(new Map(), 0)).toEqual({ state: expect.objectContaining({ seats: new Map() }), effects: [{ type: "schedule", at: null }], invalidKeys: [] });
    const { meeting, alice, bob, carol } = busyMeeting();
    for (const person of [alice, bob, carol]) meeting.disconnect(person.socket);
    const { state, effects } = restoreMeeting(meeting.storage, meeting.now + RECONNECT_GRACE_MS);
    expect(state.seats.size + state.chat.length).toBe(0);
    expect(state.room).toEqual({ locked: false, spotlight: null, policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" });
    const deleted = effects.flatMap((effect) => (effect.type === "persist" ? effect.delete : []));
    expect(new Set(deleted)).toEqual(new Set(meeting.storage.keys()));
  });

  it("drops stored entries that fail validation and deletes them", () => {
    const { meeting, bob } = busyMeeting();
    const storage = new Map<string, unknown>(meeting.storage);
    storage.set(`seat:${bob.id}`, { participant: { id: bob.id }, resumeTokenHash: "nope", graceDeadline: null });
    storage.set("chat:000000000000", "garbage");
    storage.set("stray", 1);
    const { state, effects, invalidKeys } = restoreMeeting(storage, meeting.now);
    expect(new Set(invalidKeys)).toEqual(new Set([`seat:${bob.id}`, "chat:000000000000", "stray"]));
    expect(state.seats.has(bob.id)).toBe(false);
    expect(state.room.spotlight).toBeNull();
    expect(effects[0]).toMatchObject({ type: "persist", delete: expect.arrayContaining(invalidKeys) });
  });
});

describe("meeting persistence: records written before roles and the waiting room", () => {
  it("reads a room without a policy and seats without admittedBy, with defaults", () => {
    const hash = "a".repeat(64);
    const participant = { id: "p1", userId: "u1", name: "Ann", role: "host", joinedAt: 1, media: { audio: false, video: false, screen: false }, hand: { raised: false } };
    const { state, invalidKeys } = restoreMeeting(
      new Map<string, unknown>([
        ["room", { locked: true, spotlight: null, nextChatSeq: 0 }],
        ["seat:p1", { participant, resumeTokenHash: hash, graceDeadline: null }],
      ]),
      1000,
    );
    expect(invalidKeys).toEqual([]);
    expect(state.room).toEqual({ locked: true, spotlight: null, policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" });
    expect(state.policyStamp).toBe(0);
    expect(state.seats.get("p1")).toMatchObject({ admittedBy: null, participant: { role: "host" } });
  });

  it("drops a waiting entry stored under another id", () => {
    const entry = { participant: { id: "w1", userId: "u", name: "W", role: "participant", since: 1 }, resumeTokenHash: "b".repeat(64), graceDeadline: null };
    const { state, invalidKeys } = restoreMeeting(new Map<string, unknown>([["waiting:w2", entry]]), 0);
    expect(invalidKeys).toEqual(["waiting:w2"]);
    expect(state.waiting.size).toBe(0);
  });
});
