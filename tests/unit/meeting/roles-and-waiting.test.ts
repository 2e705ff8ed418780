import { describe, expect, it } from "vitest";
import { defaultRoomPolicy, type RoomPolicy } from "@/lib/domain/room-policy";
import { restoreMeeting, RECONNECT_GRACE_MS } from "@/lib/meeting";
import { CLOSE_CODES } from "@/lib/signaling";
import { closes, deliveries, MeetingDriver, messagesTo } from "./meeting-driver";

const waitingRoom: RoomPolicy = { ...defaultRoomPolicy, waitingRoom: true };
const forbidden = (socket: string) => [{ type: "send", to: socket, message: { type: "error", code: "forbidden", message: expect.any(String) } }];

describe("roles", () => {
  it("refuses media a role may not publish, as a whole, changing nothing", () => {
    const meeting = new MeetingDriver();
    meeting.join("hannah", "host", { policy: { ...defaultRoomPolicy, screenShare: "presenters" } });
    const olga = meeting.join("olga", "observer");
    const bob = meeting.join("bob", "participant");
    const before = meeting.state;
    for (const media of [
      { audio: true, video: false, screen: false },
      { audio: false, video: true, screen: false },
      { audio: false, video: false, screen: true },
    ]) {
      const { state, effects } = meeting.send(olga.socket, { type: "media", ...media });
      expect(state).toBe(before);
      expect(effects).toEqual(forbidden(olga.socket));
    }
    const sharing = meeting.send(bob.socket, { type: "media", audio: true, video: true, screen: true });
    expect(sharing.state).toBe(before);
    expect(messagesTo(sharing.effects, bob.socket)[0]).toMatchObject({ code: "forbidden", message: expect.stringMatching(/hosts and presenters/) });
    // Everything off is always fine, and a participant may talk.
    meeting.send(bob.socket, { type: "media", audio: true, video: true, screen: false });
    expect(meeting.participant(bob.id)!.media).toEqual({ audio: true, video: true, screen: false });
  });

  it("refuses chat when the policy turns it off, for hosts too", () => {
    const meeting = new MeetingDriver();
    const host = meeting.join("hannah", "host", { policy: { ...defaultRoomPolicy, chatEnabled: false } });
    const { state, effects } = meeting.chat(host.socket, "hello?");
    expect(state.chat).toEqual([]);
    expect(effects).toEqual(forbidden(host.socket));
  });

  it("changes roles live: an observer made presenter may publish, a demoted host loses host actions at once", () => {
    const meeting = new MeetingDriver();
    const hannah = meeting.join("hannah", "host");
    const olga = meeting.join("olga", "observer");
    const bob = meeting.join("bob");

    const promoted = meeting.send(hannah.socket, { type: "set-role", participantId: olga.id, role: "presenter" });
    expect(meeting.participant(olga.id)!.role).toBe("presenter");
    for (const socket of [hannah.socket, olga.socket, bob.socket]) {
      expect(messagesTo(promoted.effects, socket)).toEqual([{ type: "participant-updated", participant: meeting.participant(olga.id) }]);
    }
    meeting.send(olga.socket, { type: "media", audio: true, video: false, screen: true });
    expect(meeting.participant(olga.id)!.media.screen).toBe(true);

    // Demoted to observer: everything published is off at once, for everyone to see.
    meeting.send(hannah.socket, { type: "set-role", participantId: olga.id, role: "observer" });
    expect(meeting.participant(olga.id)).toMatchObject({ role: "observer", media: { audio: false, video: false, screen: false } });

    // A co-host can demote the original host, who is refused from then on.
    meeting.send(hannah.socket, { type: "set-role", participantId: bob.id, role: "host" });
    meeting.send(bob.socket, { type: "set-role", participantId: hannah.id, role: "participant" });
    const before = meeting.state;
    const refused = meeting.send(hannah.socket, { type: "lock", locked: true });
    expect(refused.state).toBe(before);
    expect(refused.effects).toEqual(forbidden(hannah.socket));
  });

  it("keeps a meeting's last host", () => {
    const meeting = new MeetingDriver();
    const hannah = meeting.join("hannah", "host");
    const before = meeting.state;
    const { state, effects } = meeting.send(hannah.socket, { type: "set-role", participantId: hannah.id, role: "participant" });
    expect(state).toBe(before);
    expect(messagesTo(effects, hannah.socket)[0]).toMatchObject({ code: "forbidden", message: expect.stringMatching(/needs a host/) });
  });

  it("keeps a live role across a reconnection and a restart, whatever the new token says", () => {
    const meeting = new MeetingDriver();
    const hannah = meeting.join("hannah", "host");
    const olga = meeting.join("olga", "observer");
    meeting.send(hannah.socket, { type: "set-role", participantId: olga.id, role: "presenter" });
    meeting.disconnect(olga.socket);
    const back = meeting.join("olga", "observer", { userId: "user-olga", resume: olga.welcome.resume });
    expect(back.welcome.self).toMatchObject({ id: olga.id, role: "presenter" });
    const restored = restoreMeeting(meeting.storage, meeting.now).state;
    expect(restored.seats.get(olga.id)!.participant.role).toBe("presenter");
  });

  it("refuses set-role from non-hosts and for strangers", () => {
    const meeting = new MeetingDriver();
    const hannah = meeting.join("hannah", "host");
    const carol = meeting.join("carol", "presenter");
    const before = meeting.state;
    expect(meeting.send(carol.socket, { type: "set-role", participantId: carol.id, role: "host" }).effects).toEqual(forbidden(carol.socket));
    expect(meeting.state).toBe(before);
    expect(messagesTo(meeting.send(hannah.socket, { type: "set-role", participantId: "ghost", role: "host" }).effects, hannah.socket)[0]).toMatchObject({
      code: "unknown_participant",
    });
  });

  it("adopts the newest policy a token brings, tells everyone, and turns off what it no longer allows", () => {
    const meeting = new MeetingDriver();
    const hannah = meeting.join("hannah", "host");
    const bob = meeting.join("bob");
    meeting.send(bob.socket, { type: "media", audio: true, video: false, screen: true });
    meeting.now += 1000;
    const stricter = { ...defaultRoomPolicy, screenShare: "presenters" as const };
    const { effects } = meeting.join("carol", "presenter", { policy: stricter }).transition;
    expect(meeting.state.room.policy).toEqual(stricter);
    expect(messagesTo(effects, hannah.socket)).toEqual(
      expect.arrayContaining([
        { type: "room-updated", locked: false, spotlight: null, policy: stricter, recording: null, mediaPath: "mesh" },
        { type: "participant-updated", participant: expect.objectContaining({ id: bob.id, media: { audio: true, video: false, screen: false } }) },
      ]),
    );
    // An older token (a tab that fetched it earlier) does not roll the policy back.
    meeting.now -= 5000;
    meeting.join("dora", "participant", { policy: defaultRoomPolicy });
    expect(meeting.state.room.policy).toEqual(stricter);
  });

  it("adopts a policy the app pushes while the meeting runs, unless a newer token already brought one", () => {
    const meeting = new MeetingDriver();
    const hannah = meeting.join("hannah", "host");
    const bob = meeting.join("bob");
    meeting.send(bob.socket, { type: "media", audio: true, video: false, screen: true });
    const stricter = { ...defaultRoomPolicy, screenShare: "presenters" as const, chatEnabled: false };
    const pushed = meeting.apply({ type: "policy", now: meeting.now, policy: { value: stricter, stamp: meeting.now + 61 } });
    expect(meeting.state.room.policy).toEqual(stricter);
    expect(messagesTo(pushed.effects, bob.socket)).toEqual(
      expect.arrayContaining([
        { type: "room-updated", locked: false, spotlight: null, policy: stricter, recording: null, mediaPath: "mesh" },
        { type: "participant-updated", participant: expect.objectContaining({ id: bob.id, media: { audio: true, video: false, screen: false } }) },
      ]),
    );
    expect(messagesTo(meeting.chat(hannah.socket, "still there?").effects, hannah.socket)).toMatchObject([{ type: "error", code: "forbidden" }]);
    // A push older than the policy in force changes nothing.
    const stale = meeting.apply({ type: "policy", now: meeting.now, policy: { value: defaultRoomPolicy, stamp: meeting.now } });
    expect(stale.effects).toEqual([]);
    expect(meeting.state.room.policy).toEqual(stricter);
  });

  it("refuses joiners beyond maxParticipants, but never a host", () => {
    const meeting = new MeetingDriver();
    meeting.join("hannah", "host", { policy: { ...defaultRoomPolicy, maxParticipants: 2 } });
    meeting.join("bob");
    const socket = meeting.connect("carol");
    const { effects } = meeting.hello(socket);
    expect(messagesTo(effects, socket)).toEqual([{ type: "error", code: "room_full", message: "The meeting is full (2 people)." }]);
    expect(closes(effects)).toEqual([{ connectionId: socket, code: CLOSE_CODES.roomFull }]);
    expect(meeting.state.connections.has(socket)).toBe(false);
    expect(meeting.join("henry", "host").welcome.participants).toHaveLength(3);
  });
});

describe("waiting room", () => {
  function hostWithWaitingRoom() {
    const meeting = new MeetingDriver();
    const host = meeting.join("hannah", "host", { policy: waitingRoom });
    return { meeting, host };
  }

  it("holds joiners: they hear nothing of the meeting, hosts hear the knock", () => {
    const { meeting, host } = hostWithWaitingRoom();
    meeting.chat(host.socket, "private");
    const bob = meeting.knock("bob");
    expect(bob.waiting).toMatchObject({ self: { id: bob.id, name: "bob", role: "participant" }, resume: expect.any(String) });
    expect(messagesTo(bob.transition.effects, bob.socket)).toEqual([bob.waiting]);
    const entry = { id: bob.id, userId: "user-bob", name: "bob", role: "participant", since: meeting.now };
    expect(messagesTo(bob.transition.effects, host.socket)).toEqual([
      { type: "knock", participant: entry },
      { type: "waiting-updated", waiting: [entry] },
    ]);
    expect(meeting.state.seats.has(bob.id)).toBe(false);

    // Nothing of the meeting reaches the waiting socket, and it can do nothing in it.
    const media = meeting.send(host.socket, { type: "media", audio: true, video: true, screen: false });
    expect(messagesTo(media.effects, bob.socket)).toEqual([]);
    expect(messagesTo(meeting.chat(host.socket, "still private").effects, bob.socket)).toEqual([]);
    const before = meeting.state;
    const chat = meeting.chat(bob.socket, "let me in");
    expect(chat.state).toBe(before);
    expect(messagesTo(chat.effects, bob.socket)).toEqual([{ type: "error", code: "not_joined", message: expect.any(String) }]);
    expect(messagesTo(meeting.send(bob.socket, { type: "signal", to: host.id, payload: { kind: "end-of-candidates" } }).effects, host.socket)).toEqual([]);
    expect(messagesTo(meeting.send(host.socket, { type: "signal", to: bob.id, payload: { kind: "end-of-candidates" } }).effects, host.socket)[0]).toMatchObject({
      code: "unknown_participant",
    });

    // Hosts joining later get the list in their welcome; others do not.
    expect(meeting.join("henry", "host").welcome.waiting).toEqual([entry]);
  });

  it("admits one person: welcome with the roster and chat, everyone else sees them join, admittedBy recorded", () => {
    const { meeting, host } = hostWithWaitingRoom();
    meeting.chat(host.socket, "hi");
    const bob = meeting.knock("bob");
    const carol = meeting.knock("carol");
    const { effects } = meeting.admit(host.socket, { participantId: bob.id });
    const [welcome] = messagesTo(effects, bob.socket);
    expect(welcome).toMatchObject({ type: "welcome", resumed: false, self: { id: bob.id }, waiting: [] });
    expect(welcome?.type === "welcome" && welcome.chat.map((message) => message.text)).toEqual(["hi"]);
    expect(messagesTo(effects, host.socket)).toEqual([
      { type: "participant-joined", participant: meeting.participant(bob.id) },
      { type: "waiting-updated", waiting: [expect.objectContaining({ id: carol.id })] },
    ]);
    expect(messagesTo(effects, carol.socket)).toEqual([]);
    expect(meeting.state.seats.get(bob.id)!.admittedBy).toBe(host.id);
    expect(meeting.state.seats.get(host.id)!.admittedBy).toBeNull();
    expect(meeting.storage.get(`seat:${bob.id}`)).toMatchObject({ admittedBy: host.id });

    // The admitted person is a full participant, resumable with the welcome's token.
    meeting.disconnect(bob.socket);
    const back = meeting.join("bob", "participant", { resume: welcome?.type === "welcome" ? welcome.resume : "" });
    expect(back.welcome).toMatchObject({ resumed: true, self: { id: bob.id } });
  });

  it("admits everyone at once, as far as the meeting has room", () => {
    const meeting = new MeetingDriver();
    const host = meeting.join("hannah", "host", { policy: { ...waitingRoom, maxParticipants: 3 } });
    const waiting = ["bob", "carol", "dora"].map((name) => meeting.knock(name));
    const { effects } = meeting.admit(host.socket, { all: true });
    expect(waiting.map((person) => messagesTo(effects, person.socket)[0]?.type)).toEqual(["welcome", "welcome", undefined]);
    expect(messagesTo(effects, host.socket)).toContainEqual({ type: "error", code: "room_full", message: expect.any(String) });
    expect([...meeting.state.waiting.keys()]).toEqual([waiting[2]!.id]);
  });

  it("denies: the person is told and closed, hosts see the list shrink", () => {
    const { meeting, host } = hostWithWaitingRoom();
    const bob = meeting.knock("bob");
    const { effects } = meeting.send(host.socket, { type: "deny", participantId: bob.id });
    expect(messagesTo(effects, bob.socket)).toEqual([{ type: "denied", by: host.id }]);
    expect(closes(effects)).toEqual([{ connectionId: bob.socket, code: CLOSE_CODES.denied }]);
    expect(messagesTo(effects, host.socket)).toEqual([{ type: "waiting-updated", waiting: [] }]);
    expect(meeting.state.waiting.size + (meeting.state.connections.has(bob.socket) ? 1 : 0)).toBe(0);
    expect(meeting.storage.has(`waiting:${bob.id}`)).toBe(false);
  });

  it("refuses admit and deny from non-hosts, changing nothing", () => {
    const meeting = new MeetingDriver();
    meeting.join("hannah", "host", { policy: waitingRoom });
    meeting.join("carol", "host");
    const carolSeat = [...meeting.state.seats.values()].find((seat) => seat.participant.name === "carol")!;
    meeting.send([...meeting.state.seats.values()][0]!.connectionId!, { type: "set-role", participantId: carolSeat.participant.id, role: "presenter" });
    const bob = meeting.knock("bob");
    const before = meeting.state;
    expect(meeting.admit(carolSeat.connectionId!, { all: true }).effects).toEqual(forbidden(carolSeat.connectionId!));
    expect(meeting.send(carolSeat.connectionId!, { type: "deny", participantId: bob.id }).effects).toEqual(forbidden(carolSeat.connectionId!));
    expect(meeting.state).toBe(before);
  });

  it("lets a waiting person leave by cancelling or dropping; hosts see the list shrink", () => {
    const { meeting, host } = hostWithWaitingRoom();
    const bob = meeting.knock("bob");
    const carol = meeting.knock("carol");
    const cancelled = meeting.send(bob.socket, { type: "leave" });
    expect(closes(cancelled.effects)).toEqual([{ connectionId: bob.socket, code: CLOSE_CODES.left }]);
    expect(messagesTo(cancelled.effects, host.socket)).toEqual([{ type: "waiting-updated", waiting: [expect.objectContaining({ id: carol.id })] }]);
    const dropped = meeting.disconnect(carol.socket);
    expect(messagesTo(dropped.effects, host.socket)).toEqual([{ type: "waiting-updated", waiting: [] }]);
    expect(meeting.storage.size).toBeGreaterThan(0);
    expect([...meeting.storage.keys()].filter((key) => key.startsWith("waiting:"))).toEqual([]);
  });

  it("keeps the waiting list while the host reconnects, and for a host who arrives after the joiners", () => {
    const meeting = new MeetingDriver();
    const early = meeting.knock("bob", "participant", { policy: waitingRoom });
    const host = meeting.join("hannah", "host");
    expect(host.welcome.waiting.map((entry) => entry.id)).toEqual([early.id]);
    meeting.disconnect(host.socket);
    const back = meeting.join("hannah", "host", { resume: host.welcome.resume });
    expect(back.welcome.waiting.map((entry) => entry.id)).toEqual([early.id]);
    expect(messagesTo(meeting.admit(back.socket, { participantId: early.id }).effects, early.socket)[0]).toMatchObject({ type: "welcome" });
  });

  it("survives a restart: the waiting person comes back to their place with their token and can be admitted", () => {
    const { meeting, host } = hostWithWaitingRoom();
    const bob = meeting.knock("bob");
    const restored = restoreMeeting(meeting.storage, meeting.now);
    meeting.state = restored.state;
    expect(meeting.state.waiting.get(bob.id)).toMatchObject({ connectionId: null, graceDeadline: meeting.now + RECONNECT_GRACE_MS });
    expect(meeting.state.room.policy).toEqual(waitingRoom);

    const hostBack = meeting.join("hannah", "host", { resume: host.welcome.resume });
    expect(hostBack.welcome.waiting.map((entry) => entry.id)).toEqual([bob.id]);
    const bobBack = meeting.knock("bob", "participant", { resume: bob.waiting.resume });
    expect(bobBack.id).toBe(bob.id);
    expect(deliveries(bobBack.transition.effects).filter((delivery) => delivery.message.type === "knock")).toEqual([]);
    const admitted = meeting.admit(hostBack.socket, { participantId: bob.id });
    expect(messagesTo(admitted.effects, bobBack.socket)[0]).toMatchObject({ type: "welcome", self: { id: bob.id } });
  });

  it("seats someone admitted while away after a restart as reconnecting, reclaimable with their waiting token", () => {
    const { meeting, host } = hostWithWaitingRoom();
    const bob = meeting.knock("bob");
    meeting.state = restoreMeeting(meeting.storage, meeting.now).state;
    const hostBack = meeting.join("hannah", "host", { resume: host.welcome.resume });
    meeting.admit(hostBack.socket, { participantId: bob.id });
    expect(meeting.participant(bob.id)).toMatchObject({ connection: "reconnecting" });
    const bobBack = meeting.join("bob", "participant", { resume: bob.waiting.resume });
    expect(bobBack.welcome).toMatchObject({ resumed: true, self: { id: bob.id, connection: "connected" } });
  });

  it("drops waiting places whose person does not come back after a restart", () => {
    const { meeting } = hostWithWaitingRoom();
    meeting.knock("bob");
    meeting.state = restoreMeeting(meeting.storage, meeting.now).state;
    meeting.advance(RECONNECT_GRACE_MS);
    expect(meeting.state.waiting.size).toBe(0);
  });

  it("lets hosts in past the waiting room and a lock; a locked room refuses new waiting joiners", () => {
    const { meeting, host } = hostWithWaitingRoom();
    expect(meeting.join("henry", "host").welcome.self.role).toBe("host");
    meeting.send(host.socket, { type: "lock", locked: true });
    const socket = meeting.connect("bob");
    const { effects } = meeting.hello(socket);
    expect(messagesTo(effects, socket)).toEqual([{ type: "error", code: "room_locked", message: expect.any(String) }]);
    expect(meeting.state.waiting.size).toBe(0);
  });

  it("gives a new co-host the waiting list", () => {
    const { meeting, host } = hostWithWaitingRoom();
    const meetingAlready = meeting.knock("dora");
    meeting.admit(host.socket, { participantId: meetingAlready.id });
    const bob = meeting.knock("bob");
    const { effects } = meeting.send(host.socket, { type: "set-role", participantId: meetingAlready.id, role: "host" });
    expect(messagesTo(effects, meetingAlready.socket)).toContainEqual({ type: "waiting-updated", waiting: [expect.objectContaining({ id: bob.id })] });
  });

  it("ends the meeting for waiting people too, and forgets the list", () => {
    const { meeting, host } = hostWithWaitingRoom();
    const bob = meeting.knock("bob");
    const { effects } = meeting.send(host.socket, { type: "end" });
    expect(messagesTo(effects, bob.socket)).toEqual([{ type: "ended", by: host.id }]);
    expect(meeting.state.waiting.size).toBe(0);
    expect(meeting.storage.size).toBe(0);
  });
});
