import { CLOSE_CODES } from "../signaling/close-codes";
import { errorMessage, type ParticipantLeftReason } from "../signaling/server-messages";
import { close, send, toConnected, unchanged, waitingUpdate } from "./effects";
import type { MeetingEffect, MeetingTransition } from "./meeting-events";
import { RECONNECT_GRACE_MS } from "./meeting-policy";
import type { ConnectionId, MeetingState, ParticipantId } from "./meeting-state";
import { withSeat, withoutConnection, withoutSeat, withoutWaiting } from "./meeting-updates";

/** Removes a participant from the roster for good and tells everyone still connected. */
export function dropParticipant(state: MeetingState, participantId: ParticipantId, reason: ParticipantLeftReason): MeetingTransition {
  const next = withoutSeat(state, participantId);
  const effects = toConnected(next, { type: "participant-left", participantId, reason });
  if (next.room !== state.room) effects.push(...toConnected(next, { type: "room-updated", ...next.room }));
  return { state: next, effects };
}

/** Takes someone off the waiting list (gone, admitted elsewhere, denied) and shows hosts the new list. */
export function dropWaiting(state: MeetingState, participantId: ParticipantId): MeetingTransition {
  if (!state.waiting.has(participantId)) return unchanged(state);
  const next = withoutWaiting(state, participantId);
  return { state: next, effects: waitingUpdate(next) };
}

/**
 * A socket went away without saying goodbye. Its participant keeps the seat as `reconnecting` for the grace period;
 * peers keep their media connections to it meanwhile. Someone waiting simply leaves the waiting room.
 */
export function disconnected(state: MeetingState, connectionId: ConnectionId, now: number): MeetingTransition {
  const connection = state.connections.get(connectionId);
  if (!connection) return unchanged(state);
  const rest = withoutConnection(state, connectionId);
  if (connection.phase === "awaiting-hello") return unchanged(rest);
  if (connection.phase === "waiting") {
    const entry = state.waiting.get(connection.participantId);
    if (!entry || entry.connectionId !== connectionId) return unchanged(rest);
    return dropWaiting(state, connection.participantId);
  }
  const seat = state.seats.get(connection.participantId);
  // A socket replaced by a resume has already been detached from its seat.
  if (!seat || seat.connectionId !== connectionId) return unchanged(rest);
  const participant = { ...seat.participant, connection: "reconnecting" as const };
  const next = withSeat(rest, { ...seat, participant, connectionId: null, graceDeadline: now + RECONNECT_GRACE_MS });
  return { state: next, effects: toConnected(next, { type: "participant-updated", participant }) };
}

/** A deliberate `leave`: gone at once, and the socket is closed for the client. */
export function leave(state: MeetingState, connectionId: ConnectionId): MeetingTransition {
  const connection = state.connections.get(connectionId);
  if (!connection) return unchanged(state);
  const closing = close(connectionId, CLOSE_CODES.left, "left");
  if (connection.phase === "awaiting-hello") return { state: withoutConnection(state, connectionId), effects: [closing] };
  if (connection.phase === "waiting") {
    const dropped = dropWaiting(state, connection.participantId);
    return { state: withoutConnection(dropped.state, connectionId), effects: [...dropped.effects, closing] };
  }
  const dropped = dropParticipant(state, connection.participantId, "left");
  return { state: dropped.state, effects: [...dropped.effects, closing] };
}

/** Closes sockets that never said hello and drops participants (and waiting places) whose grace ran out, as of `now`. */
export function expireDeadlines(state: MeetingState, now: number): MeetingTransition {
  let next = state;
  const effects: MeetingEffect[] = [];
  for (const [connectionId, connection] of state.connections) {
    if (connection.phase !== "awaiting-hello" || connection.helloDeadline > now) continue;
    next = withoutConnection(next, connectionId);
    effects.push(
      send(connectionId, errorMessage("hello_timeout", "no hello was received in time")),
      close(connectionId, CLOSE_CODES.helloTimeout, "hello timeout"),
    );
  }
  for (const seat of state.seats.values()) {
    if (seat.graceDeadline === null || seat.graceDeadline > now) continue;
    const dropped = dropParticipant(next, seat.participant.id, "timeout");
    next = dropped.state;
    effects.push(...dropped.effects);
  }
  const expiredWaiting = [...state.waiting.values()].filter((entry) => entry.graceDeadline !== null && entry.graceDeadline <= now);
  if (expiredWaiting.length > 0) {
    for (const entry of expiredWaiting) next = withoutWaiting(next, entry.participant.id);
    effects.push(...waitingUpdate(next));
  }
  return { state: next, effects };
}
