import { nextMediaPath } from "../domain/media-path";
import type { Participant } from "../signaling/participant";
import type { ConnectionId, MeetingConnection, MeetingState, ParticipantId, Seat, WaitingEntry } from "./meeting-state";

export function withConnection(state: MeetingState, id: ConnectionId, connection: MeetingConnection): MeetingState {
  return { ...state, connections: new Map(state.connections).set(id, connection) };
}

export function withoutConnection(state: MeetingState, id: ConnectionId): MeetingState {
  const connections = new Map(state.connections);
  connections.delete(id);
  return { ...state, connections };
}

/** Replaces a seat in place (keeping roster order) or appends a new one. */
export function withSeat(state: MeetingState, seat: Seat): MeetingState {
  return withMediaPath({ ...state, seats: new Map(state.seats).set(seat.participant.id, seat) });
}

/** The media path the head count and the policy call for (lib/domain/media-path.ts); the same state when unchanged. */
export function withMediaPath(state: MeetingState): MeetingState {
  const { room } = state;
  const mediaPath = nextMediaPath(room.mediaPath, state.seats.size, room.policy.largeMeeting);
  return mediaPath === room.mediaPath ? state : { ...state, room: { ...room, mediaPath } };
}

/** Drops a participant and everything that pointed at it: its socket and the spotlight. */
export function withoutSeat(state: MeetingState, participantId: ParticipantId): MeetingState {
  const seat = state.seats.get(participantId);
  if (!seat) return state;
  const seats = new Map(state.seats);
  seats.delete(participantId);
  const connections = new Map(state.connections);
  if (seat.connectionId !== null) connections.delete(seat.connectionId);
  const room = state.room.spotlight === participantId ? { ...state.room, spotlight: null } : state.room;
  return withMediaPath({ ...state, seats, connections, room });
}

export function withParticipant(state: MeetingState, seat: Seat, participant: Participant): MeetingState {
  return withSeat(state, { ...seat, participant });
}

/** Replaces a waiting entry in place (keeping the order of arrival) or appends a new one. */
export function withWaiting(state: MeetingState, entry: WaitingEntry): MeetingState {
  return { ...state, waiting: new Map(state.waiting).set(entry.participant.id, entry) };
}

/** Takes someone off the waiting list, with their socket's connection record. */
export function withoutWaiting(state: MeetingState, participantId: ParticipantId): MeetingState {
  const entry = state.waiting.get(participantId);
  if (!entry) return state;
  const waiting = new Map(state.waiting);
  waiting.delete(participantId);
  const next = { ...state, waiting };
  return entry.connectionId === null ? next : withoutConnection(next, entry.connectionId);
}
