import { describe, expect, it } from "vitest";
import { emptyMeeting, joinedParticipants, reduceMeeting, type MeetingEvent, type MeetingState } from "@/lib/meeting";
import type { Participant } from "@/lib/signaling";

const person = (id: string, name = id): Participant => ({ id, userId: `user-${name}`, name, role: "participant", joinedAt: 1 });
const alice = person("c-alice", "alice");
const bob = person("c-bob", "bob");

const connected = (participant: Participant): MeetingEvent => ({ type: "connected", participant });
const hello = (connectionId: string, v = 1): MeetingEvent => ({ type: "message", connectionId, message: { type: "hello", v } });
const disconnected = (connectionId: string): MeetingEvent => ({ type: "disconnected", connectionId });

function run(events: MeetingEvent[], state: MeetingState = emptyMeeting): MeetingState {
  return events.reduce((current, event) => reduceMeeting(current, event).state, state);
}

describe("reduceMeeting", () => {
  it("keeps a new connection out of the roster until its hello", () => {
    const { state, effects } = reduceMeeting(emptyMeeting, connected(alice));
    expect(effects).toEqual([]);
    expect(joinedParticipants(state)).toEqual([]);
  });

  it("welcomes a joiner with the roster and tells everyone else", () => {
    const before = run([connected(alice), hello(alice.id), connected(bob)]);
    const { state, effects } = reduceMeeting(before, hello(bob.id));

    expect(joinedParticipants(state)).toEqual([alice, bob]);
    expect(effects).toEqual([
      { type: "send", to: bob.id, message: { type: "welcome", v: 1, self: bob, participants: [alice, bob] } },
      { type: "broadcast", to: [alice.id], message: { type: "participant-joined", participant: bob } },
    ]);
  });

  it("does not announce joiners to connections that have not joined themselves", () => {
    const before = run([connected(alice), connected(bob)]);
    const { effects } = reduceMeeting(before, hello(bob.id));
    expect(effects.map((effect) => effect.type)).toEqual(["send"]);
  });

  it("refuses another protocol version and a second hello, changing nothing", () => {
    const pending = run([connected(alice)]);
    const wrongVersion = reduceMeeting(pending, hello(alice.id, 2));
    expect(wrongVersion.state).toBe(pending);
    expect(wrongVersion.effects).toEqual([
      { type: "send", to: alice.id, message: { type: "error", code: "unsupported_version", message: expect.any(String) } },
    ]);

    const joined = run([hello(alice.id)], pending);
    const again = reduceMeeting(joined, hello(alice.id));
    expect(again.state).toBe(joined);
    expect(again.effects).toMatchObject([{ type: "send", to: alice.id, message: { code: "already_joined" } }]);
  });

  it("answers ping with pong, joined or not", () => {
    const { effects } = reduceMeeting(run([connected(alice)]), { type: "message", connectionId: alice.id, message: { type: "ping" } });
    expect(effects).toEqual([{ type: "send", to: alice.id, message: { type: "pong" } }]);
  });

  it("announces a joined participant's departure to the others only", () => {
    const before = run([connected(alice), hello(alice.id), connected(bob), hello(bob.id)]);
    const { state, effects } = reduceMeeting(before, disconnected(bob.id));
    expect(joinedParticipants(state)).toEqual([alice]);
    expect(effects).toEqual([{ type: "broadcast", to: [alice.id], message: { type: "participant-left", participantId: bob.id } }]);
  });

  it("lets a connection that never joined leave silently", () => {
    const before = run([connected(alice), hello(alice.id), connected(bob)]);
    expect(reduceMeeting(before, disconnected(bob.id)).effects).toEqual([]);
  });

  it("ignores events for unknown connections and a repeated connection id", () => {
    const before = run([connected(alice), hello(alice.id)]);
    for (const event of [disconnected("ghost"), hello("ghost"), connected({ ...alice, name: "impostor" })]) {
      expect(reduceMeeting(before, event)).toEqual({ state: before, effects: [] });
    }
  });
});
