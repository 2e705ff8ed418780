import { errorMessage, type ErrorCode, type ServerMessage } from "../signaling/server-messages";
import type { MeetingEffect, MeetingTransition } from "./meeting-events";
import { admitterSockets, connectedSockets, waitingListOf, type ConnectionId, type MeetingState } from "./meeting-state";

export function unchanged(state: MeetingState): MeetingTransition {
  return { state, effects: [] };
}

export function send(to: ConnectionId, message: ServerMessage): MeetingEffect {
  return { type: "send", to, message };
}

export function close(connectionId: ConnectionId, code: number, reason: string): MeetingEffect {
  return { type: "close", connectionId, code, reason };
}

/** Errors go to the sender only and never change the meeting. */
export function refuse(state: MeetingState, to: ConnectionId, code: ErrorCode, text: string): MeetingTransition {
  return { state, effects: [send(to, errorMessage(code, text))] };
}

/** Every connected participant of `state`, except one socket if given; nothing when nobody would receive it. */
export function toConnected(state: MeetingState, message: ServerMessage, except?: ConnectionId): MeetingEffect[] {
  const to = connectedSockets(state, except);
  return to.length > 0 ? [{ type: "broadcast", to, message }] : [];
}

/** Everyone connected who may admit people (hosts); nothing when there is nobody. */
export function toAdmitters(state: MeetingState, message: ServerMessage): MeetingEffect[] {
  const to = admitterSockets(state);
  return to.length > 0 ? [{ type: "broadcast", to, message }] : [];
}

/** The current waiting list, to everyone who may admit. */
export function waitingUpdate(state: MeetingState): MeetingEffect[] {
  return toAdmitters(state, { type: "waiting-updated", waiting: waitingListOf(state) });
}
