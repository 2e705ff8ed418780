import type { MeetingRecordEvent } from "../internal-api/meeting-records";
import type { MeetingEvent } from "./meeting-events";
import type { MeetingState, ParticipantId } from "./meeting-state";

/**
 * The Meeting / Participation facts one transition produced, derived by diffing the state before and after it
 * (not from the reducer's handlers, so handler changes cannot forget a record). A resume within the grace keeps
 * the seat, so it is neither a leave nor a join; a seat only counts once seated (the waiting room is not a join).
 *
 * The meeting id is the caller's: it lives in room storage so it survives a PartyKit restart. `newMeetingId` is
 * asked for one only when the first participant is seated. Event ids are one per fact, so a replayed or retried
 * batch is applied once.
 */
export type RecordableEvent = MeetingEvent | { type: "closed"; now: number; reason?: string };

export type MeetingRecordsInput = {
  before: MeetingState;
  after: MeetingState;
  event: RecordableEvent;
  /** The current meeting's id, null when none is running. */
  meetingId: string | null;
  newMeetingId: () => string;
  /** The room's name, recorded as the meeting's title. */
  title?: string;
};

export type MeetingRecordsOutput = {
  events: MeetingRecordEvent[];
  /** The meeting running after the transition (null once it ended). */
  meetingId: string | null;
};

type LeaveReason = Extract<MeetingRecordEvent, { type: "participant-left" }>["reason"];

export function meetingRecordsFor(input: MeetingRecordsInput): MeetingRecordsOutput {
  const { before, after, event } = input;
  const at = event.now;
  const events: MeetingRecordEvent[] = [];
  let meetingId = input.meetingId;

  if (meetingId === null) {
    if (after.seats.size === 0) return { events, meetingId: null };
    meetingId = input.newMeetingId();
    events.push({ type: "meeting-started", eventId: `${meetingId}:started`, meetingId, at, ...(input.title ? { title: input.title.slice(0, 200) } : {}) });
  }
  const id = meetingId;
  // After a restart the stored meeting id comes with the stored seats; a seat unknown to "before" is a join.
  const startedNow = input.meetingId === null;

  for (const [participantId, seat] of after.seats) {
    const previous = startedNow ? undefined : before.seats.get(participantId);
    const { participant } = seat;
    if (!previous) {
      events.push({
        type: "participant-joined",
        eventId: `${id}:${participantId}:joined`,
        meetingId: id,
        participantId,
        userId: participant.userId,
        name: participant.name.slice(0, 200),
        role: participant.role,
        admittedBy: seat.admittedBy ?? null,
        at,
      });
    } else if (previous.participant.role !== participant.role) {
      events.push({
        type: "role-changed",
        // A participant may change role several times: the instant tells the facts apart.
        eventId: `${id}:${participantId}:role:${at}:${participant.role}`,
        meetingId: id,
        participantId,
        from: previous.participant.role,
        to: participant.role,
        by: actorOf(before, event),
        at,
      });
    }
  }

  for (const participantId of before.seats.keys()) {
    if (after.seats.has(participantId)) continue;
    events.push({
      type: "participant-left",
      eventId: `${id}:${participantId}:left`,
      meetingId: id,
      participantId,
      reason: leaveReason(event, participantId),
      at,
    });
  }

  for (const entry of after.chat) {
    if (entry.seq < before.nextChatSeq) continue;
    const { message } = entry;
    events.push({
      type: "chat-posted",
      eventId: `${id}:chat:${message.id}`,
      meetingId: id,
      messageId: message.id,
      seq: entry.seq,
      participantId: message.from,
      userId: message.userId,
      name: message.name.slice(0, 200),
      text: message.text,
      ...(message.attachments ? { attachments: message.attachments } : {}),
      at: message.sentAt,
    });
  }

  events.push(...recordingRecords(input, id));

  if (after.seats.size === 0) {
    const reason = event.type === "closed" ? "closed" : isEnd(event) ? "ended-by-host" : "empty";
    events.push({ type: "meeting-ended", eventId: `${id}:ended`, meetingId: id, reason, at });
    return { events, meetingId: null };
  }
  return { events, meetingId: id };
}

/** A recording that started or ended in this transition (a restart keeps the running one, so it is neither). */
function recordingRecords({ before, after, event }: MeetingRecordsInput, meetingId: string): MeetingRecordEvent[] {
  const [was, is] = [before.room.recording, after.room.recording];
  if (was?.id === is?.id) return [];
  const at = event.now;
  const events: MeetingRecordEvent[] = [];
  if (was) {
    const stoppedByHost = event.type === "record" && !event.message.on;
    const reason = stoppedByHost ? "stopped" : after.seats.size === 0 ? "ended" : after.seats.has(was.by) ? "policy" : "recorder-left";
    events.push({ type: "recording-stopped", eventId: `${meetingId}:recording:${was.id}:stopped`, meetingId, recordingId: was.id, reason, by: stoppedByHost ? actorOf(before, event) : null, at });
  }
  if (is) {
    events.push({ type: "recording-started", eventId: `${meetingId}:recording:${is.id}:started`, meetingId, recordingId: is.id, part: is.part, participantId: is.by, userId: is.userId, at });
  }
  return events;
}

function isEnd(event: RecordableEvent): boolean {
  return event.type === "message" && event.message.type === "end";
}

function actorOf(state: MeetingState, event: RecordableEvent): ParticipantId | null {
  if (!("connectionId" in event)) return null;
  const connection = state.connections.get(event.connectionId);
  return connection && connection.phase === "joined" ? connection.participantId : null;
}

function leaveReason(event: RecordableEvent, participantId: ParticipantId): LeaveReason {
  if (event.type === "closed") return "closed";
  if (event.type === "tick") return "timeout";
  if (event.type === "message") {
    if (event.message.type === "end") return "ended";
    if (event.message.type === "remove" && event.message.participantId === participantId) return "removed";
  }
  return "left";
}
