import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import { describe, expect, it } from "vitest";
import { CLOSE_CODES } from "@/lib/signaling";
import { HELLO_TIMEOUT_MS, rosterOf } from "@/lib/meeting";
import { closes, deliveries, MeetingDriver, messagesTo, sha256 } from "./meeting-driver";

describe("joining a meeting", () => {
  it("keeps a new socket out of the roster until its hello, and schedules its hello timeout", () => {
    const meeting = new MeetingDriver();
    meeting.connect("alice");
    expect(rosterOf(meeting.state)).toEqual([]);
    expect(meeting.wakeAt).toBe(meeting.now + HELLO_TIMEOUT_MS);
  });

  it("welcomes a joiner with its stable participant, the roster, chat, room and a resume token, and tells the others", () => {
    const meeting = new MeetingDriver();
    const alice = meeting.join("alice", "host");
    meeting.chat(alice.socket, "before bob");
    const bobSocket = meeting.connect("bob");
    const { effects } = meeting.hello(bobSocket);

    const [welcome] = messagesTo(effects, bobSocket);
    expect(welcome).toMatchObject({
      type: "welcome",
      v: 2,
      self: {
        userId: "user-bob",
        name: "bob",
        role: "participant",
        joinedAt: meeting.now,
        media: { audio: false, video: false, screen: false },
        hand: { raised: false },
        connection: "connected",
      },
      room: { locked: false, spotlight: null, policy: defaultRoomPolicy },
      resumed: false,
    });
    if (welcome?.type !== "welcome") throw new Error("expected a welcome");
    expect(welcome.self.id).not.toBe(bobSocket);
    expect(welcome.participants.map((participant) => participant.name)).toEqual(["alice", "bob"]);
    expect(welcome.chat.map((message) => message.text)).toEqual(["before bob"]);
    expect(meeting.state.seats.get(welcome.self.id)?.resumeTokenHash).toBe(sha256(welcome.resume));
    expect(messagesTo(effects, alice.socket)).toEqual([{ type: "participant-joined", participant: welcome.self }]);
  });

  it("persists the new seat before announcing it", () => {
    const meeting = new MeetingDriver();
    const { transition, id } = meeting.join("alice");
    expect(transition.effects[0]).toMatchObject({ type: "persist" });
    expect(meeting.storage.has(`seat:${id}`)).toBe(true);
  });

  it("refuses another protocol version and a second hello, changing nothing", () => {
    const meeting = new MeetingDriver();
    const socket = meeting.connect("alice");
    const pending = meeting.state;
    const wrongVersion = meeting.hello(socket, { v: 1 });
    expect(wrongVersion.state).toBe(pending);
    expect(wrongVersion.effects).toEqual([
      { type: "send", to: socket, message: { type: "error", code: "unsupported_version", message: expect.any(String) } },
    ]);

    meeting.hello(socket);
    const joined = meeting.state;
    const again = meeting.hello(socket);
    expect(again.state).toBe(joined);
    expect(again.effects).toMatchObject([{ type: "send", to: socket, message: { code: "already_joined" } }]);
  });

  it("answers meeting messages before hello with not_joined, and ping at any time", () => {
    const meeting = new MeetingDriver();
    const socket = meeting.connect("alice");
    const before = meeting.state;
    const media = meeting.send(socket, { type: "media", audio: true, video: true, screen: false });
    expect(media.state).toBe(before);
    expect(messagesTo(media.effects, socket)).toMatchObject([{ type: "error", code: "not_joined" }]);
    expect(messagesTo(meeting.send(socket, { type: "ping" }).effects, socket)).toEqual([{ type: "pong" }]);
  });

  it("closes a socket that never says hello once its timeout is due, and only then", () => {
    const meeting = new MeetingDriver();
    const member = meeting.join("member");
    const silent = meeting.connect("silent");
    expect(closes(meeting.advance(HELLO_TIMEOUT_MS - 1).effects)).toEqual([]);
    const { effects, state } = meeting.advance(1);
    expect(messagesTo(effects, silent)).toMatchObject([{ type: "error", code: "hello_timeout" }]);
    expect(closes(effects)).toEqual([{ connectionId: silent, code: CLOSE_CODES.helloTimeout }]);
    expect(state.connections.has(silent)).toBe(false);
    expect(deliveries(effects).filter((delivery) => delivery.to === member.socket)).toEqual([]);
    expect(meeting.wakeAt).toBeNull();
  });

  it("lets a socket that never joined go silently, and ignores unknown sockets and repeated socket ids", () => {
    const meeting = new MeetingDriver();
    meeting.join("alice");
    const bob = meeting.connect("bob");
    expect(meeting.disconnect(bob).effects).toEqual([{ type: "schedule", at: null }]);

    const before = meeting.state;
    expect(meeting.disconnect("ghost")).toEqual({ state: before, effects: [] });
    expect(meeting.send("ghost", { type: "ping" })).toEqual({ state: before, effects: [] });
    const [aliceSocket] = before.connections.keys();
    const repeat = meeting.apply({ type: "connected", now: meeting.now, connectionId: aliceSocket!, identity: { userId: "x", name: "x", role: "host" } });
    expect(repeat).toEqual({ state: before, effects: [] });
  });

  it("gives a second tab of the same user without a resume token a seat of its own", () => {
    const meeting = new MeetingDriver();
    const first = meeting.join("alice");
    const second = meeting.join("alice");
    expect(second.id).not.toBe(first.id);
    expect(second.welcome.resumed).toBe(false);
    expect(rosterOf(meeting.state).map((participant) => participant.userId)).toEqual(["user-alice", "user-alice"]);
  });
});
