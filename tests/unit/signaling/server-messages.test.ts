import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import { describe, expect, it } from "vitest";
import { errorMessage, parseServerMessage, PROTOCOL_VERSION, type Participant, type ServerMessage } from "@/lib/signaling";

const alice: Participant = {
  id: "p-alice",
  userId: "u-alice",
  name: "Alice",
  role: "host",
  joinedAt: 1_700_000_000_000,
  media: { audio: true, video: false, screen: false },
  hand: { raised: true, raisedAt: 1_700_000_001_000 },
  quality: { level: "good", summary: { lossPct: 0.5, rttMs: 30, jitterMs: 2, bitrateInKbps: 800, bitrateOutKbps: 700 } },
  connection: "connected",
};
const chat = { id: "m-1", from: "p-alice", userId: "u-alice", name: "Alice", text: "hi", sentAt: 1_700_000_002_000 };

describe("server messages", () => {
  it.each<ServerMessage>([
    {
      type: "welcome",
      v: PROTOCOL_VERSION,
      self: alice,
      participants: [alice],
      chat: [chat],
      room: { locked: false, spotlight: null, policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" },
      resume: "A".repeat(43),
      resumed: false,
      waiting: [{ id: "p-bob", userId: "u-bob", name: "Bob", role: "participant", since: 1_700_000_003_000 }],
    },
    { type: "participant-joined", participant: alice },
    { type: "participant-updated", participant: { ...alice, connection: "reconnecting" } },
    { type: "participant-left", participantId: "p-alice", reason: "timeout" },
    { type: "signal", from: "p-alice", payload: { kind: "end-of-candidates" } },
    { type: "chat", message: { ...chat, attachments: [{ name: "a.png", size: 1, mimeType: "image/png", url: "/api/files/a" }] } },
    { type: "reaction", from: "p-alice", emoji: "🎉" },
    { type: "room-updated", locked: true, spotlight: "p-alice", policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" },
    { type: "muted-by-host", by: "p-alice" },
    { type: "removed", by: "p-alice" },
    { type: "ended", by: "p-alice" },
    { type: "waiting", v: PROTOCOL_VERSION, self: { id: "p-bob", userId: "u-bob", name: "Bob", role: "observer", since: 1_700_000_003_000 }, resume: "B".repeat(43) },
    { type: "knock", participant: { id: "p-bob", userId: "u-bob", name: "Bob", role: "participant", since: 1_700_000_003_000 } },
    { type: "waiting-updated", waiting: [] },
    { type: "denied", by: "p-alice" },
    { type: "pong" },
    errorMessage("forbidden", "only hosts may end"),
    errorMessage("room_full", "The meeting is full (2 people)."),
  ])("round-trips $type through JSON", (message) => {
    expect(parseServerMessage(JSON.stringify(message))).toEqual({ ok: true, message });
  });

  it("rejects a participant with an unknown meeting role", () => {
    const raw = JSON.stringify({ type: "participant-joined", participant: { ...alice, role: "admin" } });
    expect(parseServerMessage(raw)).toMatchObject({ ok: false, error: { code: "invalid_message" } });
  });

  it("flags messages from a newer server as unknown rather than malformed", () => {
    expect(parseServerMessage('{"type":"breakout-opened"}')).toMatchObject({ ok: false, error: { code: "unknown_type" } });
  });
});
