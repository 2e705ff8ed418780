import { can, whyNot } from "../domain/meeting-permissions";
import type { RecordMessage } from "../signaling/client-messages";
import type { ActiveRecording } from "../signaling/room-settings";
import { refuse, toConnected, unchanged } from "./effects";
import type { MeetingEvent, MeetingTransition } from "./meeting-events";
import type { ConnectionId, MeetingState, Seat } from "./meeting-state";

/**
 * Recording is decided here and nowhere else: who may start and stop it, and that it ends when its recorder can no
 * longer record (left, dropped, demoted, or the policy turned it off). The recorder's browser makes the file; the
 * room only says who records, so everyone's REC indicator follows one truth the recorder cannot hide.
 */

function withRecording(state: MeetingState, recording: ActiveRecording | null, parts = state.recordingParts): MeetingTransition {
  const next = { ...state, room: { ...state.room, recording }, recordingParts: parts };
  return { state: next, effects: toConnected(next, { type: "room-updated", ...next.room }) };
}

function begin(state: MeetingState, recorder: Seat, recordingId: string, now: number): MeetingTransition {
  const part = state.recordingParts + 1;
  const { id: by, userId } = recorder.participant;
  return withRecording(state, { id: recordingId, by, userId, startedAt: now, part }, part);
}

export function record(state: MeetingState, sender: Seat, senderSocket: ConnectionId, { on }: RecordMessage, recordingId: string, now: number): MeetingTransition {
  const reason = whyNot(sender.participant.role, "record", state.room.policy);
  if (reason !== null) return refuse(state, senderSocket, "forbidden", reason);
  const current = state.room.recording;
  if (!on) return current === null ? unchanged(state) : withRecording(state, null);
  if (current !== null) {
    const recorder = state.seats.get(current.by)?.participant.name ?? "someone";
    return refuse(state, senderSocket, "forbidden", `The meeting is already being recorded by ${recorder}`);
  }
  return begin(state, sender, recordingId, now);
}

/** Whether the recording in `state` can go on: its recorder is seated and may still record. */
function recorderStillRecords(state: MeetingState, recording: ActiveRecording): boolean {
  const recorder = state.seats.get(recording.by);
  return recorder !== undefined && can(recorder.participant.role, "record", state.room.policy);
}

/**
 * Applied after every transition: ends a recording whose recorder cannot record any more, and starts one when the
 * policy says `auto` and the meeting's first host has just come in (once per meeting: a host who stops it wins).
 */
export function recordingRules(transition: MeetingTransition, event: MeetingEvent): MeetingTransition {
  const { state } = transition;
  const recording = state.room.recording;
  if (recording !== null) {
    if (state.seats.size === 0 || recorderStillRecords(state, recording)) return transition;
    const ended = withRecording(state, null);
    return { state: ended.state, effects: [...transition.effects, ...ended.effects] };
  }
  if (event.type !== "hello" || event.issued.recordingId === undefined) return transition;
  if (state.room.policy.recording !== "auto" || state.recordingParts > 0) return transition;
  const connection = state.connections.get(event.connectionId);
  const seat = connection?.phase === "joined" ? state.seats.get(connection.participantId) : undefined;
  if (!seat || seat.participant.role !== "host" || seat.connectionId === null) return transition;
  const started = begin(state, seat, event.issued.recordingId, event.now);
  return { state: started.state, effects: [...transition.effects, ...started.effects] };
}
