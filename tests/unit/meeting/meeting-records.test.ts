import { describe, expect, it } from "vitest";
import { meetingRecordsFor, type RecordableEvent } from "@/lib/meeting/meeting-records";
import { emptyMeeting, type MeetingConnection, type MeetingState, type Seat } from "@/lib/meeting/meeting-state";
import type { MeetingRole } from "@/lib/signaling/meeting-role";
import type { Participant } from "@/lib/signaling/participant";

type SeatSpec = { id: string; role?: MeetingRole; connected?: boolean; admittedBy?: string | null };

function seat({ id, role = "participant", connected = true, admittedBy = null }: SeatSpec): Seat {
  const participant = {
    id,
    userId: `user-${id}`,
    name: `Name ${id}`,
    role,
    joinedAt: 0,
    media: { audio: true, video: true, screen: false },
    hand: { raised: false, at: null },
    connection: connected ? "connected" : "reconnecting",
  } as unknown as Participant;
  return { participant, connectionId: connected ? `c-${id}` : null, resumeTokenHash: "h", graceDeadline: connected ? null : 99, heldSignals: [], admittedBy };
}

function state(...specs: SeatSpec[]): MeetingState {
  const seats = new Map(specs.map((spec) => [spec.id, seat(spec)]));
  const connections = new Map<string, MeetingConnection>(
    specs.filter((spec) => spec.connected !== false).map((spec) => [`c-${spec.id}`, { phase: "joined", participantId: spec.id }]),
  );
  return { ...emptyMeeting, seats, connections };
}

const message = (connectionId: string, body: unknown): RecordableEvent =>
  ({ type: "message", now: 50, connectionId, message: body }) as RecordableEvent;

function run(before: MeetingState, after: MeetingState, event: RecordableEvent, meetingId: string | null = "m1") {
  return meetingRecordsFor({ before, after, event, meetingId, newMeetingId: () => "m-new", title: "Standup" });
}

describe("meetingRecordsFor", () => {
  it("starts a meeting when the first participant is seated, not while only waiting", () => {
    const waitingOnly = run(emptyMeeting, emptyMeeting, { type: "tick", now: 10 }, null);
    expect(waitingOnly).toEqual({ events: [], meetingId: null });

    const out = run(emptyMeeting, state({ id: "a", role: "host" }), message("c-a", { type: "hello" }), null);
    expect(out.meetingId).toBe("m-new");
    expect(out.events).toEqual([
      { type: "meeting-started", eventId: "m-new:started", meetingId: "m-new", at: 50, title: "Standup" },
      {
        type: "participant-joined",
        eventId: "m-new:a:joined",
        meetingId: "m-new",
        participantId: "a",
        userId: "user-a",
        name: "Name a",
        role: "host",
        admittedBy: null,
        at: 50,
      },
    ]);
  });

  it("records who admitted a participant from the waiting room", () => {
    const out = run(state({ id: "a", role: "host" }), state({ id: "a", role: "host" }, { id: "b", admittedBy: "a" }), message("c-a", { type: "admit" }));
    expect(out.events).toMatchObject([{ type: "participant-joined", participantId: "b", admittedBy: "a", eventId: "m1:b:joined" }]);
  });

  it("treats a reconnect and a resume as neither a leave nor a join", () => {
    const before = state({ id: "a" }, { id: "b" });
    const dropped = state({ id: "a" }, { id: "b", connected: false });
    expect(run(before, dropped, { type: "disconnected", now: 5, connectionId: "c-b" }).events).toEqual([]);
    expect(run(dropped, before, message("c-b", { type: "hello" })).events).toEqual([]);
  });

  it("records role changes with the acting host", () => {
    const out = run(state({ id: "a", role: "host" }, { id: "b" }), state({ id: "a", role: "host" }, { id: "b", role: "observer" }), message("c-a", { type: "set-role", participantId: "b", role: "observer" }));
    expect(out.events).toEqual([
      { type: "role-changed", eventId: "m1:b:role:50:observer", meetingId: "m1", participantId: "b", from: "participant", to: "observer", by: "a", at: 50 },
    ]);
  });

  it("names why a participant left", () => {
    const two = state({ id: "a", role: "host" }, { id: "b" });
    const one = state({ id: "a", role: "host" });
    const reasonOf = (event: RecordableEvent) => run(two, one, event).events.map((e) => (e.type === "participant-left" ? e.reason : e.type));
    expect(reasonOf(message("c-b", { type: "leave" }))).toEqual(["left"]);
    expect(reasonOf(message("c-a", { type: "remove", participantId: "b" }))).toEqual(["removed"]);
    expect(reasonOf({ type: "tick", now: 99 })).toEqual(["timeout"]);
    expect(reasonOf({ type: "disconnected", now: 99, connectionId: "c-b" })).toEqual(["left"]);
  });

  it("ends the meeting when the room empties, a host ends it, or the server closes it", () => {
    const two = state({ id: "a", role: "host" }, { id: "b" });
    const ended = run(two, emptyMeeting, message("c-a", { type: "end" }));
    expect(ended.meetingId).toBeNull();
    expect(ended.events.map((e) => [e.type, "reason" in e ? e.reason : null])).toEqual([
      ["participant-left", "ended"],
      ["participant-left", "ended"],
      ["meeting-ended", "ended-by-host"],
    ]);
    expect(ended.events.at(-1)).toMatchObject({ eventId: "m1:ended", meetingId: "m1" });

    const closed = run(two, emptyMeeting, { type: "closed", now: 70, reason: "expired" });
    expect(closed.events.map((e) => ("reason" in e ? e.reason : null))).toEqual(["closed", "closed", "closed"]);

    const empty = run(state({ id: "b" }), emptyMeeting, message("c-b", { type: "leave" }));
    expect(empty.events.at(-1)).toMatchObject({ type: "meeting-ended", reason: "empty" });
  });

  it("gives the same ids to the same facts, so replays are idempotent", () => {
    const a = run(state({ id: "a" }), emptyMeeting, message("c-a", { type: "leave" }));
    const b = run(state({ id: "a" }), emptyMeeting, message("c-a", { type: "leave" }));
    expect(a.events.map((e) => e.eventId)).toEqual(b.events.map((e) => e.eventId));
  });
});

describe("chat in the records", () => {
  const attachment = { name: "plan.pdf", size: 10, mimeType: "application/pdf", url: "/api/files/abc" };
  const entry = (seq: number, text: string, extra: object = {}) => ({
    seq,
    bytes: 1,
    message: { id: `msg-${seq}`, from: "a", userId: "user-a", name: "Name a", text, sentAt: 40 + seq, ...extra },
  });

  it("records each message the transition added, once, in order, with its files", () => {
    const before = { ...state({ id: "a" }), chat: [entry(0, "old")], nextChatSeq: 1 };
    const after = { ...before, chat: [entry(0, "old"), entry(1, "new", { attachments: [attachment] })], nextChatSeq: 2 };
    expect(run(before, after, message("c-a", { type: "chat", text: "new" })).events).toEqual([
      {
        type: "chat-posted",
        eventId: "m1:chat:msg-1",
        meetingId: "m1",
        messageId: "msg-1",
        seq: 1,
        participantId: "a",
        userId: "user-a",
        name: "Name a",
        text: "new",
        attachments: [attachment],
        at: 41,
      },
    ]);
  });

  it("records nothing when history was only trimmed", () => {
    const before = { ...state({ id: "a" }), chat: [entry(0, "old"), entry(1, "older")], nextChatSeq: 2 };
    const after = { ...before, chat: [entry(1, "older")] };
    expect(run(before, after, { type: "tick", now: 60 }).events).toEqual([]);
  });
});
