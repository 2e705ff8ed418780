import { CLOSE_CODES } from "../signaling/close-codes";
import type { Participant } from "../signaling/participant";
import { errorMessage, type ServerMessage } from "../signaling/server-messages";
import { PROTOCOL_VERSION } from "../signaling/version";
import { close, refuse, send, toConnected } from "./effects";
import type { MeetingEffect, MeetingEvent, MeetingTransition } from "./meeting-events";
import type { ConnectionId, ConnectionIdentity, MeetingState, PendingConnection, Seat } from "./meeting-state";
import { rosterOf } from "./meeting-state";
import { withConnection, withSeat, withoutConnection } from "./meeting-updates";

type HelloEvent = Extract<MeetingEvent, { type: "hello" }>;

function welcome(state: MeetingState, seat: Seat, resumeToken: string, resumed: boolean): ServerMessage {
  return {
    type: "welcome",
    v: PROTOCOL_VERSION,
    self: seat.participant,
    participants: rosterOf(state),
    chat: state.chat.map((entry) => entry.message),
    room: state.room,
    resume: resumeToken,
    resumed,
  };
}

/** The seat this resume token reclaims: only its current token, and only for the user it was issued to. */
function resumableSeat(state: MeetingState, resumeTokenHash: string | null, userId: string): Seat | undefined {
  if (resumeTokenHash === null) return undefined;
  for (const seat of state.seats.values()) {
    if (seat.resumeTokenHash === resumeTokenHash) return seat.participant.userId === userId ? seat : undefined;
  }
  return undefined;
}

function sameParticipant(a: Participant, b: Participant): boolean {
  return a.connection === b.connection && a.name === b.name && a.role === b.role;
}

/**
 * The new socket takes the seat over: same participant id and state, a fresh resume token, and whatever was held for
 * it. Name and role come from the new join token, which Next.js just issued. A socket still attached to the seat
 * (half-open after a network change) is closed.
 */
function resume(state: MeetingState, connectionId: ConnectionId, identity: ConnectionIdentity, seat: Seat, event: HelloEvent): MeetingTransition {
  const participant: Participant = { ...seat.participant, name: identity.name, role: identity.role, connection: "connected" };
  const resumed: Seat = {
    participant,
    connectionId,
    resumeTokenHash: event.issued.resumeTokenHash,
    graceDeadline: null,
    heldSignals: [],
  };
  let next = withSeat(withConnection(state, connectionId, { phase: "joined", participantId: participant.id }), resumed);
  const effects: MeetingEffect[] = [];
  if (seat.connectionId !== null) {
    next = withoutConnection(next, seat.connectionId);
    effects.push(close(seat.connectionId, CLOSE_CODES.replaced, "resumed elsewhere"));
  }
  effects.push(send(connectionId, welcome(next, resumed, event.issued.resumeToken, true)));
  for (const held of seat.heldSignals) {
    effects.push(send(connectionId, { type: "signal", from: held.from, payload: held.payload }));
  }
  if (!sameParticipant(seat.participant, participant)) {
    effects.push(...toConnected(next, { type: "participant-updated", participant }, connectionId));
  }
  return { state: next, effects };
}

function join(state: MeetingState, connectionId: ConnectionId, identity: ConnectionIdentity, event: HelloEvent): MeetingTransition {
  if (state.room.locked && identity.role !== "host") {
    return {
      state: withoutConnection(state, connectionId),
      effects: [
        send(connectionId, errorMessage("room_locked", "the meeting is locked")),
        close(connectionId, CLOSE_CODES.roomLocked, "room locked"),
      ],
    };
  }
  const participant: Participant = {
    id: event.issued.participantId,
    userId: identity.userId,
    name: identity.name,
    role: identity.role,
    joinedAt: event.now,
    media: { audio: false, video: false, screen: false },
    hand: { raised: false },
    connection: "connected",
  };
  const seat: Seat = { participant, connectionId, resumeTokenHash: event.issued.resumeTokenHash, graceDeadline: null, heldSignals: [] };
  const next = withSeat(withConnection(state, connectionId, { phase: "joined", participantId: participant.id }), seat);
  return {
    state: next,
    effects: [
      send(connectionId, welcome(next, seat, event.issued.resumeToken, false)),
      ...toConnected(next, { type: "participant-joined", participant }, connectionId),
    ],
  };
}

/**
 * Admits a pending socket: resuming the seat its token names, else as a new participant. A resume token that names
 * no seat (expired grace, already used, removed, another user's) is not an error: the client simply joins anew and
 * learns it from `welcome.resumed`.
 */
export function hello(state: MeetingState, event: HelloEvent): MeetingTransition {
  const connection = state.connections.get(event.connectionId);
  if (!connection) return { state, effects: [] };
  if (connection.phase === "joined") return refuse(state, event.connectionId, "already_joined", "hello was already accepted");
  if (event.v !== PROTOCOL_VERSION) {
    return refuse(state, event.connectionId, "unsupported_version", `this server speaks protocol v${PROTOCOL_VERSION}`);
  }
  const { identity } = connection satisfies PendingConnection;
  const seat = resumableSeat(state, event.resumeTokenHash, identity.userId);
  return seat ? resume(state, event.connectionId, identity, seat, event) : join(state, event.connectionId, identity, event);
}
