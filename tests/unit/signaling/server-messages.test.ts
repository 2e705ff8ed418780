import { describe, expect, it } from "vitest";
import { errorMessage, parseServerMessage, type Participant, type ServerMessage } from "@/lib/signaling";

const alice: Participant = { id: "c1", userId: "u-alice", name: "Alice", role: "host", joinedAt: 1_700_000_000_000 };

describe("server messages", () => {
  it.each<ServerMessage>([
    { type: "welcome", v: 1, self: alice, participants: [alice] },
    { type: "participant-joined", participant: alice },
    { type: "participant-left", participantId: "c1" },
    { type: "pong" },
    errorMessage("rate_limited", "slow down"),
  ])("round-trips $type through JSON", (message) => {
    expect(parseServerMessage(JSON.stringify(message))).toEqual({ ok: true, message });
  });

  it("rejects a participant with an unknown meeting role", () => {
    const raw = JSON.stringify({ type: "participant-joined", participant: { ...alice, role: "admin" } });
    expect(parseServerMessage(raw)).toMatchObject({ ok: false, error: { code: "invalid_message" } });
  });

  it("flags messages from a newer server as unknown rather than malformed", () => {
    expect(parseServerMessage('{"type":"hand-raised"}')).toMatchObject({ ok: false, error: { code: "unknown_type" } });
  });
});
