import type { HelloMessage } from "../signaling/client-messages";
import type { Participant } from "../signaling/participant";
import { errorMessage, type ServerMessage } from "../signaling/server-messages";
import { PROTOCOL_VERSION } from "../signaling/version";
import type { MeetingEffect, MeetingEvent, MeetingTransition } from "./meeting-events";
import { joinedParticipants, type ConnectionId, type MeetingConnection, type MeetingState } from "./meeting-state";

function unchanged(state: MeetingState): MeetingTransition {
  return { state, effects: [] };
}

function send(to: ConnectionId, message: ServerMessage): MeetingEffect {
  return { type: "send", to, message };
}

function broadcastToJoined(state: MeetingState, except: ConnectionId, message: ServerMessage): MeetingEffect[] {
  const to = joinedParticipants(state)
    .map((participant) => participant.id)
    .filter((id) => id !== except);
  return to.length > 0 ? [{ type: "broadcast", to, message }] : [];
}

function withConnection(state: MeetingState, id: ConnectionId, connection: MeetingConnection): MeetingState {
  return { connections: new Map(state.connections).set(id, connection) };
}

function connect(state: MeetingState, participant: Participant): MeetingTransition {
  // Connection ids are server-assigned UUIDs; a repeat is a bug and must not overwrite someone's seat.
  if (state.connections.has(participant.id)) return unchanged(state);
  return { state: withConnection(state, participant.id, { participant, phase: "awaiting-hello" }), effects: [] };
}

function disconnect(state: MeetingState, id: ConnectionId): MeetingTransition {
  const connection = state.connections.get(id);
  if (!connection) return unchanged(state);
  const connections = new Map(state.connections);
  connections.delete(id);
  const next = { connections };
  const effects =
    connection.phase === "joined" ? broadcastToJoined(next, id, { type: "participant-left", participantId: id }) : [];
  return { state: next, effects };
}

function hello(state: MeetingState, connection: MeetingConnection, message: HelloMessage): MeetingTransition {
  const self = connection.participant;
  if (connection.phase === "joined") {
    return { state, effects: [send(self.id, errorMessage("already_joined", "hello was already accepted"))] };
  }
  if (message.v !== PROTOCOL_VERSION) {
    const refusal = errorMessage("unsupported_version", `this server speaks protocol v${PROTOCOL_VERSION}`);
    return { state, effects: [send(self.id, refusal)] };
  }
  const next = withConnection(state, self.id, { participant: self, phase: "joined" });
  const welcome: ServerMessage = { type: "welcome", v: PROTOCOL_VERSION, self, participants: joinedParticipants(next) };
  return {
    state: next,
    effects: [send(self.id, welcome), ...broadcastToJoined(next, self.id, { type: "participant-joined", participant: self })],
  };
}

/** The meeting's presence rules; total over every event, so the adapter never needs to pre-check anything. */
export function reduceMeeting(state: MeetingState, event: MeetingEvent): MeetingTransition {
  switch (event.type) {
    case "connected":
      return connect(state, event.participant);
    case "disconnected":
      return disconnect(state, event.connectionId);
    case "message": {
      // A message can race its connection's close; it then has no one to answer.
      const connection = state.connections.get(event.connectionId);
      if (!connection) return unchanged(state);
      switch (event.message.type) {
        case "ping":
          return { state, effects: [send(event.connectionId, { type: "pong" })] };
        case "hello":
          return hello(state, connection, event.message);
      }
    }
  }
}
