import type { Participant } from "../signaling/participant";

export type ConnectionId = string;

/** A verified connection is in the meeting only after its `hello` names a protocol version the server speaks. */
export type ConnectionPhase = "awaiting-hello" | "joined";

export type MeetingConnection = {
  readonly participant: Participant;
  readonly phase: ConnectionPhase;
};

export type MeetingState = {
  /** Every open, authenticated connection, in connection order. */
  readonly connections: ReadonlyMap<ConnectionId, MeetingConnection>;
};

export const emptyMeeting: MeetingState = { connections: new Map() };

/** The roster: joined participants in connection order. */
export function joinedParticipants(state: MeetingState): Participant[] {
  return [...state.connections.values()]
    .filter((connection) => connection.phase === "joined")
    .map((connection) => connection.participant);
}
