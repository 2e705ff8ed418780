import type { ChatMessage } from "../signaling/chat";
import type { MeetingRole } from "../signaling/meeting-role";
import type { Participant } from "../signaling/participant";
import type { RoomSettings } from "../signaling/room-settings";
import type { RtcSignal } from "../signaling/rtc-signal";

export type ConnectionId = string;
export type ParticipantId = string;

/** Who a verified join token says the connection belongs to. */
export type ConnectionIdentity = { readonly userId: string; readonly name: string; readonly role: MeetingRole };

/** A verified socket that has not been accepted into the meeting yet. */
export type PendingConnection = {
  readonly phase: "awaiting-hello";
  readonly identity: ConnectionIdentity;
  readonly helloDeadline: number;
};

/** A socket currently speaking for a participant. */
export type JoinedConnection = { readonly phase: "joined"; readonly participantId: ParticipantId };

export type MeetingConnection = PendingConnection | JoinedConnection;

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
};

export const initialRoomSettings: RoomSettings = { locked: false, spotlight: null };

export const emptyMeeting: MeetingState = {
  connections: new Map(),
  seats: new Map(),
  chat: [],
  nextChatSeq: 0,
  room: initialRoomSettings,
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
  return earliest;
}
