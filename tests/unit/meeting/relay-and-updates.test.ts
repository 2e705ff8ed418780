import { describe, expect, it } from "vitest";
import { CHAT_HISTORY_LIMIT, CHAT_HISTORY_MAX_BYTES, HELD_SIGNALS_LIMIT } from "@/lib/meeting";
import type { RtcSignal } from "@/lib/signaling";
import { deliveries, MeetingDriver, messagesTo } from "./meeting-driver";

const candidate = (n: number): RtcSignal => ({
  kind: "candidate",
  candidate: { candidate: `candidate:${n} 1 udp 1 192.0.2.1 ${n} typ host`, sdpMid: "0", sdpMLineIndex: 0, usernameFragment: null },
});

function threePeople() {
  const meeting = new MeetingDriver();
  const alice = meeting.join("alice", "host");
  const bob = meeting.join("bob");
  const carol = meeting.join("carol");
  return { meeting, alice, bob, carol };
}

describe("signal relay", () => {
  it("delivers a signal to the addressee's socket only, naming the sender's participant id", () => {
    const { meeting, alice, bob } = threePeople();
    const before = meeting.state;
    const { state, effects } = meeting.send(alice.socket, { type: "signal", to: bob.id, payload: candidate(1) });
    expect(state).toBe(before);
    expect(effects).toEqual([{ type: "send", to: bob.socket, message: { type: "signal", from: alice.id, payload: candidate(1) } }]);
  });

  it("refuses a signal to nobody, to a departed participant or to oneself", () => {
    const { meeting, alice, bob } = threePeople();
    meeting.send(bob.socket, { type: "leave" });
    for (const to of ["nobody", bob.id, alice.id]) {
      const { effects } = meeting.send(alice.socket, { type: "signal", to, payload: candidate(1) });
      expect(effects).toMatchObject([{ type: "send", to: alice.socket, message: { type: "error", code: "unknown_participant" } }]);
    }
  });

  it("holds signals for a reconnecting participant and delivers them in order, after its welcome, on resume", () => {
    const { meeting, alice, bob } = threePeople();
    meeting.disconnect(bob.socket);
    const held = [1, 2, 3].map((n) => meeting.send(alice.socket, { type: "signal", to: bob.id, payload: candidate(n) }));
    expect(held.flatMap((transition) => transition.effects.filter((effect) => effect.type !== "persist"))).toEqual([]);

    const back = meeting.join("bob", "participant", { resume: bob.welcome.resume });
    expect(messagesTo(back.transition.effects, back.socket).map((message) => message.type)).toEqual(["welcome", "signal", "signal", "signal"]);
    expect(messagesTo(back.transition.effects, back.socket).slice(1)).toEqual([1, 2, 3].map((n) => ({ type: "signal", from: alice.id, payload: candidate(n) })));
  });

  it("keeps only the latest held signals", () => {
    const { meeting, alice, bob } = threePeople();
    meeting.disconnect(bob.socket);
    for (let n = 0; n < HELD_SIGNALS_LIMIT + 10; n += 1) meeting.send(alice.socket, { type: "signal", to: bob.id, payload: candidate(n) });
    const held = meeting.state.seats.get(bob.id)!.heldSignals;
    expect(held).toHaveLength(HELD_SIGNALS_LIMIT);
    expect(held[0]!.payload).toEqual(candidate(10));
  });
});

describe("chat", () => {
  it("broadcasts a message to everyone, the sender included, with the sender's identity and the server's time", () => {
    const { meeting, alice, bob, carol } = threePeople();
    const { effects } = meeting.apply({
      type: "chat",
      now: meeting.now,
      connectionId: bob.socket,
      messageId: "m-1",
      message: { type: "chat", text: "see *this*", attachments: [{ ticket: "t-a" }] },
      attachments: [{ attachment: { name: "a.png", size: 3, mimeType: "image/png", url: "/api/files/a" }, ownerId: "user-bob" }],
    });
    const expected = {
      type: "chat",
      message: {
        id: "m-1",
        from: bob.id,
        userId: "user-bob",
        name: "bob",
        text: "see *this*",
        attachments: [{ name: "a.png", size: 3, mimeType: "image/png", url: "/api/files/a" }],
        sentAt: meeting.now,
      },
    };
    for (const socket of [alice.socket, bob.socket, carol.socket]) expect(messagesTo(effects, socket)).toEqual([expected]);
  });

  it.each([
    ["a ticket the room could not verify (forged, expired, another meeting's)", null, "invalid_message"],
    ["someone else's file", { attachment: { name: "a.png", size: 3, mimeType: "image/png", url: "/api/files/a" }, ownerId: "user-alice" }, "forbidden"],
  ] as const)("refuses a message carrying %s, to the sender only, and keeps no trace of it", (_label, vouched, code) => {
    const { meeting, alice, bob } = threePeople();
    const before = meeting.state;
    const { state, effects } = meeting.apply({
      type: "chat",
      now: meeting.now,
      connectionId: bob.socket,
      messageId: "m-1",
      message: { type: "chat", text: "look", attachments: [{ ticket: "t-a" }, { ticket: "t-b" }] },
      attachments: [{ attachment: { name: "b.pdf", size: 9, mimeType: "application/pdf", url: "/api/files/b" }, ownerId: "user-bob" }, vouched],
    });
    expect(messagesTo(effects, bob.socket)).toEqual([expect.objectContaining({ type: "error", code })]);
    expect(messagesTo(effects, alice.socket)).toEqual([]);
    expect(state.chat).toEqual(before.chat);
  });

  it(`keeps the last ${CHAT_HISTORY_LIMIT} messages for later joiners`, () => {
    const meeting = new MeetingDriver();
    const alice = meeting.join("alice");
    for (let n = 0; n < CHAT_HISTORY_LIMIT + 5; n += 1) meeting.chat(alice.socket, `message ${n}`);
    const { welcome } = meeting.join("bob");
    expect(welcome.chat).toHaveLength(CHAT_HISTORY_LIMIT);
    expect(welcome.chat[0]!.text).toBe("message 5");
    expect([...meeting.storage.keys()].filter((key) => key.startsWith("chat:"))).toHaveLength(CHAT_HISTORY_LIMIT);
  });

  it("bounds the history's size so that a welcome stays a reasonable frame", () => {
    const meeting = new MeetingDriver();
    const alice = meeting.join("alice");
    for (let n = 0; n < 100; n += 1) meeting.chat(alice.socket, "字".repeat(4000));
    const { welcome } = meeting.join("bob");
    expect(new TextEncoder().encode(JSON.stringify(welcome.chat)).byteLength).toBeLessThanOrEqual(CHAT_HISTORY_MAX_BYTES + 1_000);
    expect(welcome.chat.length).toBeLessThan(100);
  });
});

describe("participant state", () => {
  it("announces media changes to everyone and stays silent when nothing changed", () => {
    const { meeting, alice, bob } = threePeople();
    const { effects } = meeting.send(bob.socket, { type: "media", audio: true, video: true, screen: false });
    const update = { type: "participant-updated", participant: { ...meeting.participant(bob.id)!, media: { audio: true, video: true, screen: false } } };
    expect(messagesTo(effects, alice.socket)).toEqual([update]);
    expect(messagesTo(effects, bob.socket)).toEqual([update]);
    const again = meeting.send(bob.socket, { type: "media", audio: true, video: true, screen: false });
    expect(deliveries(again.effects)).toEqual([]);
  });

  it("stamps a raised hand so that clients can order hands, and clears the stamp when it goes down", () => {
    const { meeting, bob, carol } = threePeople();
    meeting.send(carol.socket, { type: "hand", raised: true });
    meeting.now += 1_000;
    meeting.send(bob.socket, { type: "hand", raised: true });
    const raisedAt = (id: string) => meeting.participant(id)!.hand.raisedAt!;
    expect(raisedAt(carol.id)).toBeLessThan(raisedAt(bob.id));
    const stamp = raisedAt(bob.id);
    meeting.now += 1_000;
    expect(deliveries(meeting.send(bob.socket, { type: "hand", raised: true }).effects)).toEqual([]);
    expect(raisedAt(bob.id)).toBe(stamp);
    meeting.send(bob.socket, { type: "hand", raised: false });
    expect(meeting.participant(bob.id)!.hand).toEqual({ raised: false });
  });

  it("broadcasts reactions to everyone without keeping them", () => {
    const { meeting, alice, bob, carol } = threePeople();
    const before = meeting.state;
    const { state, effects } = meeting.send(carol.socket, { type: "reaction", emoji: "🎉" });
    expect(state).toBe(before);
    for (const socket of [alice.socket, bob.socket, carol.socket]) {
      expect(messagesTo(effects, socket)).toEqual([{ type: "reaction", from: carol.id, emoji: "🎉" }]);
    }
  });

  it("stores each participant's reported quality and shows it to everyone, without writing it to storage", () => {
    const { meeting, alice, bob } = threePeople();
    const summary = { lossPct: 7, rttMs: 250, jitterMs: 30, bitrateInKbps: 300, bitrateOutKbps: null };
    const { effects } = meeting.send(bob.socket, { type: "quality", level: "poor", summary });
    expect(meeting.participant(bob.id)!.quality).toEqual({ level: "poor", summary });
    expect(messagesTo(effects, alice.socket)).toMatchObject([{ type: "participant-updated", participant: { id: bob.id, quality: { level: "poor" } } }]);
    expect(effects.some((effect) => effect.type === "persist")).toBe(false);
    expect(deliveries(meeting.send(bob.socket, { type: "quality", level: "poor", summary: { ...summary } }).effects)).toEqual([]);
  });
});
