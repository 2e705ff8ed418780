import { can } from "../domain/meeting-permissions";
import { CLOSE_CODES } from "../signaling/close-codes";
import type { Participant } from "../signaling/participant";
import { errorMessage, type ServerMessage } from "../signaling/server-messages";
import { PROTOCOL_VERSION } from "../signaling/version";
import type { WaitingParticipant } from "../signaling/waiting";
import { close, refuse, send, toAdmitters, toConnected, waitingUpdate } from "./effects";
import { adoptPolicy } from "./handle-policy";
import type { MeetingEffect, MeetingEvent, MeetingTransition } from "./meeting-events";
import type { ConnectionId, ConnectionIdentity, MeetingState, PendingConnection, Seat, WaitingEntry } from "./meeting-state";
import { rosterOf, waitingListOf } from "./meeting-state";
import { withConnection, withSeat, withWaiting, withoutConnection } from "./meeting-updates";

type HelloEvent = Extract<MeetingEvent, { type: "hello" }>;

/** Seats (and waiting-room places) one person may hold in a meeting at once: a few tabs or devices, not a crowd. */
export const MAX_SEATS_PER_USER = 3;

/** Seats and waiting places this user holds with a live socket; one in reconnection grace is reclaimed by resuming. */
function connectedPlacesOf(state: MeetingState, userId: string): number {
  let count = 0;
  for (const place of [...state.seats.values(), ...state.waiting.values()]) {
    if (place.participant.userId === userId && place.connectionId !== null) count += 1;
  }
  return count;
}

/** The whole meeting for one participant; the waiting list only for those who may admit. */
export function welcome(state: MeetingState, seat: Seat, resumeToken: string, resumed: boolean): ServerMessage {
  return {
    type: "welcome",
    v: PROTOCOL_VERSION,
    self: seat.participant,
    participants: rosterOf(state),
    chat: state.chat.map((entry) => entry.message),
    room: state.room,
    resume: resumeToken,
    resumed,
    waiting: can(seat.participant.role, "admit", state.room.policy) ? waitingListOf(state) : [],
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

/** The same for a place in the waiting room (kept across a server restart). */
function resumableWaiting(state: MeetingState, resumeTokenHash: string | null, userId: string): WaitingEntry | undefined {
  if (resumeTokenHash === null) return undefined;
  for (const entry of state.waiting.values()) {
    if (entry.resumeTokenHash === resumeTokenHash) return entry.participant.userId === userId ? entry : undefined;
  }
  return undefined;
}

function sameParticipant(a: Participant, b: Participant): boolean {
  return a.connection === b.connection && a.name === b.name && a.role === b.role;
}

const doorCloseCodes = { room_locked: CLOSE_CODES.roomLocked, room_full: CLOSE_CODES.roomFull, too_many_seats: CLOSE_CODES.tooManySeats } as const;

function refuseAtTheDoor(state: MeetingState, connectionId: ConnectionId, code: keyof typeof doorCloseCodes, text: string): MeetingTransition {
  return {
    state: withoutConnection(state, connectionId),
    effects: [send(connectionId, errorMessage(code, text)), close(connectionId, doorCloseCodes[code], code)],
  };
}

/**
 * The new socket takes the seat over: same participant id and state, a fresh resume token, and whatever was held for
 * it. The name comes from the new join token; the role stays the live one, so a host's promotion or demotion
 * survives a reconnection (the owner's token always says host). A socket still attached to the seat (half-open
 * after a network change) is closed.
 */
function resume(state: MeetingState, connectionId: ConnectionId, identity: ConnectionIdentity, seat: Seat, event: HelloEvent): MeetingTransition {
  const participant: Participant = { ...seat.participant, name: identity.name, connection: "connected" };
  const resumed: Seat = {
    participant,
    connectionId,
    resumeTokenHash: event.issued.resumeTokenHash,
    graceDeadline: null,
    heldSignals: [],
    admittedBy: seat.admittedBy,
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

/** Back in the waiting room after a server restart (or from a half-open socket's replacement): same place, new token. */
function resumeWaiting(state: MeetingState, connectionId: ConnectionId, entry: WaitingEntry, event: HelloEvent): MeetingTransition {
  const resumed: WaitingEntry = { ...entry, connectionId, resumeTokenHash: event.issued.resumeTokenHash, graceDeadline: null };
  let next = withWaiting(withConnection(state, connectionId, { phase: "waiting", participantId: entry.participant.id }), resumed);
  const effects: MeetingEffect[] = [];
  if (entry.connectionId !== null) {
    next = withoutConnection(next, entry.connectionId);
    effects.push(close(entry.connectionId, CLOSE_CODES.replaced, "resumed elsewhere"));
  }
  effects.push(send(connectionId, { type: "waiting", v: PROTOCOL_VERSION, self: entry.participant, resume: event.issued.resumeToken }));
  return { state: next, effects };
}

/** Into the waiting room: the person hears nothing of the meeting; hosts hear the knock. */
function wait(state: MeetingState, connectionId: ConnectionId, identity: ConnectionIdentity, event: HelloEvent): MeetingTransition {
  const participant: WaitingParticipant = { id: event.issued.participantId, userId: identity.userId, name: identity.name, role: identity.role, since: event.now };
  const entry: WaitingEntry = { participant, connectionId, resumeTokenHash: event.issued.resumeTokenHash, graceDeadline: null };
  const next = withWaiting(withConnection(state, connectionId, { phase: "waiting", participantId: participant.id }), entry);
  return {
    state: next,
    effects: [
      send(connectionId, { type: "waiting", v: PROTOCOL_VERSION, self: participant, resume: event.issued.resumeToken }),
      ...toAdmitters(next, { type: "knock", participant }),
      ...waitingUpdate(next),
    ],
  };
}

function join(state: MeetingState, connectionId: ConnectionId, identity: ConnectionIdentity, event: HelloEvent): MeetingTransition {
  const { policy } = state.room;
  if (connectedPlacesOf(state, identity.userId) >= MAX_SEATS_PER_USER) {
    return refuseAtTheDoor(state, connectionId, "too_many_seats", `You're already in this meeting ${MAX_SEATS_PER_USER} times.`);
  }
  // Hosts always get in: a locked or full meeting still needs its host.
  if (identity.role !== "host") {
    if (state.room.locked) return refuseAtTheDoor(state, connectionId, "room_locked", "the meeting is locked");
    if (state.seats.size >= policy.maxParticipants) {
      return refuseAtTheDoor(state, connectionId, "room_full", `The meeting is full (${policy.maxParticipants} people).`);
    }
    if (policy.waitingRoom) return wait(state, connectionId, identity, event);
  }
  const participant: Participant = {
    id: event.issued.participantId,
    userId: identity.userId,
    name: identity.name,
    role: identity.role,
    joinedAt: event.now,
    // Everyone enters with media off (so muteOnEntry and cameraOffOnEntry hold); clients announce theirs after welcome.
    media: { audio: false, video: false, screen: false },
    hand: { raised: false },
    connection: "connected",
  };
  const seat: Seat = {
    participant,
    connectionId,
    resumeTokenHash: event.issued.resumeTokenHash,
    graceDeadline: null,
    heldSignals: [],
    admittedBy: null,
  };
  const next = withSeat(withConnection(state, connectionId, { phase: "joined", participantId: participant.id }), seat);
  return {
    state: next,
    effects: [
      send(connectionId, welcome(next, seat, event.issued.resumeToken, false)),
      ...toConnected(next, { type: "participant-joined", participant }, connectionId),
      // A newcomer can move the meeting to the SFU (media path); their welcome already says so.
      ...(next.room !== state.room ? toConnected(next, { type: "room-updated", ...next.room }, connectionId) : []),
    ],
  };
}

/**
 * Admits a pending socket: resuming the seat (or waiting-room place) its token names, else as a new participant,
 * who waits for a host when the room has a waiting room. A resume token that names nothing (expired grace,
 * already used, removed, another user's) is not an error: the client simply joins anew and learns it from
 * `welcome.resumed`. The policy the socket's join token carried is adopted first, if it is the newest.
 */
export function hello(state: MeetingState, event: HelloEvent): MeetingTransition {
  const connection = state.connections.get(event.connectionId);
  if (!connection) return { state, effects: [] };
  if (connection.phase !== "awaiting-hello") return refuse(state, event.connectionId, "already_joined", "hello was already accepted");
  if (event.v !== PROTOCOL_VERSION) {
    return refuse(state, event.connectionId, "unsupported_version", `this server speaks protocol v${PROTOCOL_VERSION}`);
  }
  const { identity } = connection satisfies PendingConnection;
  const adopted = adoptPolicy(state, identity.policy);
  const current = adopted.state;
  const seat = resumableSeat(current, event.resumeTokenHash, identity.userId);
  const waiting = seat ? undefined : resumableWaiting(current, event.resumeTokenHash, identity.userId);
  const entered = seat
    ? resume(current, event.connectionId, identity, seat, event)
    : waiting
      ? resumeWaiting(current, event.connectionId, waiting, event)
      : join(current, event.connectionId, identity, event);
  return { state: entered.state, effects: [...adopted.effects, ...entered.effects] };
}
