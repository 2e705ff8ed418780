import { describe, expect, it } from "vitest";
import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import { MeetingDriver } from "./meeting-driver";

const sample = {
  peerId: "someone", at: 1, lossPct: 20, jitterMs: 8, rttMs: 60, bitrateInKbps: 300, bitrateOutKbps: 200, frameWidth: 640,
  frameHeight: 360, fps: 15, qualityLimitation: "bandwidth" as const, codec: "VP8", candidateType: "relay" as const, score: 1,
};

describe("analytics messages in the meeting reducer", () => {
  it("hands samples and features to the party as an effect naming the sender's seat, without changing the room", () => {
    const meeting = new MeetingDriver();
    const alice = meeting.join("alice", "host");
    const bob = meeting.join("bob");
    const before = meeting.state;
    const samples = meeting.send(bob.socket, { type: "quality-samples", samples: [{ ...sample, peerId: alice.id }] });
    expect(samples.state).toBe(before);
    expect(samples.effects).toEqual([
      { type: "analytics", participantId: bob.id, message: { type: "quality-samples", samples: [{ ...sample, peerId: alice.id }] }, now: expect.any(Number) },
    ]);
    const feature = meeting.send(alice.socket, { type: "feature", feature: "camera-off", detail: null });
    expect(feature.effects).toMatchObject([{ type: "analytics", participantId: alice.id, message: { feature: "camera-off" } }]);
  });

  it("counts chat and reactions as feature use when the room accepts them, and not when it refuses them", () => {
    const meeting = new MeetingDriver();
    const alice = meeting.join("alice", "host");
    const usage = (effects: readonly { type: string }[]) => effects.filter((effect) => effect.type === "analytics");

    expect(usage(meeting.chat(alice.socket, "hello").effects)).toEqual([
      { type: "analytics", participantId: alice.id, message: { type: "feature", feature: "chat", detail: null }, now: expect.any(Number) },
    ]);
    expect(usage(meeting.send(alice.socket, { type: "reaction", emoji: "👍" }).effects)).toMatchObject([
      { participantId: alice.id, message: { feature: "reaction" } },
    ]);

    // Chat turned off by the room's policy: refused, so not counted.
    const quiet = new MeetingDriver();
    const carol = quiet.join("carol", "participant", { policy: { ...defaultRoomPolicy, chatEnabled: false } });
    const refused = quiet.chat(carol.socket, "anyone?");
    expect(refused.effects).toEqual([expect.objectContaining({ type: "send", message: expect.objectContaining({ type: "error", code: "forbidden" }) })]);
    expect(usage(refused.effects)).toEqual([]);
  });
});
