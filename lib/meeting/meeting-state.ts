import { can } from "../domain/meeting-permissions";
import { defaultRoomPolicy, type RoomPolicy } from "../domain/room-policy";
import type { ChatMessage } from "../signaling/chat";
import type { MeetingRole } from "../signaling/meeting-role";
import type { Participant } from "../signaling/participant";
import type { RoomSettings } from "../signaling/room-settings";
import type { RtcSignal } from "../signaling/rtc-signal";
import type { WaitingParticipant } from "../signaling/waiting";

export type ConnectionId = string;
export type ParticipantId = string;

/** A room policy and when the join token that carried it expires: the meeting keeps the newest one it has seen. */
export type StampedPolicy = { readonly value: RoomPolicy; readonly stamp: number };

/** Who a verified join token says the connection belongs to, and the room policy it carried (if any). */
export type ConnectionIdentity = {
  readonly userId: string;
  readonly name: string;
  readonly role: MeetingRole;
  readonly policy?: StampedPolicy;
};

/** A verified socket that has not been accepted into the meeting yet. */
export type PendingConnection = {
  readonly phase: "awaiting-hello";
  readonly identity: ConnectionIdentity;
  readonly helloDeadline: number;
};

/** A socket currently speaking for a participant. */
export type JoinedConnection = { readonly phase: "joined"; readonly participantId: ParticipantId };

/** A socket whose person waits for a host in the waiting room; it hears nothing of the meeting. */
export type WaitingConnection = { readonly phase: "waiting"; readonly participantId: ParticipantId };

export type MeetingConnection = PendingConnection | JoinedConnection | WaitingConnection;

export type HeldSignal = { readonly from: ParticipantId; readonly payload: RtcSignal; readonly bytes: number };

/** A participant's place in the meeting; it outlives any one connection. */
export type Seat = {
  readonly participant: Participant;
  /** The socket speaking for this participant; null while it is reconnecting. */
  readonly connectionId: ConnectionId | null;
  /** SHA-256 (hex) of the only resume token that can reclaim this seat. */
  readonly resumeTokenHash: string;
  /** Epoch ms after which a reconnecting participant is dropped; null while connected. */
  readonly graceDeadline: number | null;
  readonly heldSignals: readonly HeldSignal[];
  /** The host who let this participant in from the waiting room; null when they did not wait. */
  readonly admittedBy: ParticipantId | null;
};

/** A place in the waiting room; like a seat, it outlives a server restart (not a dropped socket). */
export type WaitingEntry = {
  readonly participant: WaitingParticipant;
  /** null only after a restart, until the person reconnects with `resume` (or the grace runs out). */
  readonly connectionId: ConnectionId | null;
  readonly resumeTokenHash: string;
  readonly graceDeadline: number | null;
};

export type ChatEntry = {
  /** Storage order; also makes every chat message's key unique within the meeting. */
  readonly seq: number;
  readonly message: ChatMessage;
  /** The message's serialized size, counted against CHAT_HISTORY_MAX_BYTES. */
  readonly bytes: number;
};

export type MeetingState = {
  /** Every open, verified socket. */
  readonly connections: ReadonlyMap<ConnectionId, MeetingConnection>;
  /** The roster, in order of first joining. */
  readonly seats: ReadonlyMap<ParticipantId, Seat>;
  /** Oldest first. */
  readonly chat: readonly ChatEntry[];
  readonly nextChatSeq: number;
  readonly room: RoomSettings;
  /** The `stamp` of the policy in `room.policy` (0: the default, no token brought one yet). */
  readonly policyStamp: number;
  /** The waiting room, in order of arrival. */
  readonly waiting: ReadonlyMap<ParticipantId, WaitingEntry>;
  /** Recordings started in this meeting so far: the next one is part `recordingParts + 1`. */
  readonly recordingParts: number;
};

export const initialRoomSettings: RoomSettings = { locked: false, spotlight: null, policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" };

export const emptyMeeting: MeetingState = {
  connections: new Map(),
  seats: new Map(),
  chat: [],
  nextChatSeq: 0,
  room: initialRoomSettings,
  policyStamp: 0,
  waiting: new Map(),
  recordingParts: 0,
};

/** The roster as clients see it. */
export function rosterOf(state: MeetingState): Participant[] {
  return [...state.seats.values()].map((seat) => seat.participant);
}

/** The sockets of every connected participant: who hears about changes to the meeting. */
export function connectedSockets(state: MeetingState, except?: ConnectionId): ConnectionId[] {
  const sockets: ConnectionId[] = [];
  for (const seat of state.seats.values()) {
    if (seat.connectionId !== null && seat.connectionId !== except) sockets.push(seat.connectionId);
  }
  return sockets;
}

/** The waiting list as hosts see it, oldest first. */
export function waitingListOf(state: MeetingState): WaitingParticipant[] {
  return [...state.waiting.values()].map((entry) => entry.participant);
}

/** The sockets of connected participants who may admit people: who hears knocks and waiting-list changes. */
export function admitterSockets(state: MeetingState): ConnectionId[] {
  const sockets: ConnectionId[] = [];
  for (const seat of state.seats.values()) {
    if (seat.connectionId !== null && can(seat.participant.role, "admit", state.room.policy)) sockets.push(seat.connectionId);
  }
  return sockets;
}

/** The earliest hello timeout or reconnection deadline, when the room must wake up next. */
export function nextDeadline(state: MeetingState): number | null {
  let earliest: number | null = null;
  const consider = (at: number | null) => {
    if (at !== null && (earliest === null || at < earliest)) earliest = at;
  };
  for (const connection of state.connections.values()) {
    if (connection.phase === "awaiting-hello") consider(connection.helloDeadline);
  }
  for (const seat of state.seats.values()) consider(seat.graceDeadline);
  for (const entry of state.waiting.values()) consider(entry.graceDeadline);
  return earliest;
}
