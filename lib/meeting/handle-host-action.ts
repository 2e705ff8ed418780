import type { HostActionMessage, LockMessage, MuteMessage, RemoveMessage, SpotlightMessage } from "../signaling/client-messages";
import { CLOSE_CODES } from "../signaling/close-codes";
import type { ServerMessage } from "../signaling/server-messages";
import { close, refuse, send, toConnected, unchanged } from "./effects";
import { dropParticipant } from "./handle-departure";
import type { MeetingEffect, MeetingTransition } from "./meeting-events";
import { emptyMeeting, type ConnectionId, type MeetingState, type Seat } from "./meeting-state";
import { withParticipant } from "./meeting-updates";

function targetMissing(state: MeetingState, hostSocket: ConnectionId): MeetingTransition {
  return refuse(state, hostSocket, "unknown_participant", "no such participant in the meeting");
}

function mute(state: MeetingState, host: Seat, hostSocket: ConnectionId, { participantId }: MuteMessage): MeetingTransition {
  const target = state.seats.get(participantId);
  if (!target) return targetMissing(state, hostSocket);
  const notice: MeetingEffect[] = target.connectionId !== null ? [send(target.connectionId, { type: "muted-by-host", by: host.participant.id })] : [];
  if (!target.participant.media.audio) return { state, effects: notice };
  const participant = { ...target.participant, media: { ...target.participant.media, audio: false } };
  const next = withParticipant(state, target, participant);
  return { state: next, effects: [...notice, ...toConnected(next, { type: "participant-updated", participant })] };
}

/** The seat goes with its resume token, so the removed participant cannot come back into it. */
function remove(state: MeetingState, host: Seat, hostSocket: ConnectionId, { participantId }: RemoveMessage): MeetingTransition {
  const target = state.seats.get(participantId);
  if (!target) return targetMissing(state, hostSocket);
  const dropped = dropParticipant(state, participantId, "removed");
  const effects: MeetingEffect[] = [];
  if (target.connectionId !== null) {
    effects.push(
      send(target.connectionId, { type: "removed", by: host.participant.id }),
      close(target.connectionId, CLOSE_CODES.removed, "removed by host"),
    );
  }
  return { state: dropped.state, effects: [...effects, ...dropped.effects] };
}

/** Everyone hears it and every socket closes, pending ones included; the meeting starts over empty. */
function end(state: MeetingState, host: Seat): MeetingTransition {
  const ended: ServerMessage = { type: "ended", by: host.participant.id };
  const sockets = [...state.connections.keys()];
  const effects: MeetingEffect[] = sockets.length > 0 ? [{ type: "broadcast", to: sockets, message: ended }] : [];
  for (const socket of sockets) effects.push(close(socket, CLOSE_CODES.ended, "meeting ended"));
  return { state: emptyMeeting, effects };
}

function changeRoom(state: MeetingState, room: MeetingState["room"]): MeetingTransition {
  if (room.locked === state.room.locked && room.spotlight === state.room.spotlight) return unchanged(state);
  const next = { ...state, room };
  return { state: next, effects: toConnected(next, { type: "room-updated", ...room }) };
}

function lock(state: MeetingState, { locked }: LockMessage): MeetingTransition {
  return changeRoom(state, { ...state.room, locked });
}

function spotlight(state: MeetingState, hostSocket: ConnectionId, { participantId }: SpotlightMessage): MeetingTransition {
  if (participantId !== null && !state.seats.has(participantId)) return targetMissing(state, hostSocket);
  return changeRoom(state, { ...state.room, spotlight: participantId });
}

/** Host actions; anyone else is refused and nothing changes. */
export function hostAction(state: MeetingState, sender: Seat, senderSocket: ConnectionId, message: HostActionMessage): MeetingTransition {
  if (sender.participant.role !== "host") return refuse(state, senderSocket, "forbidden", `only hosts may ${message.type}`);
  switch (message.type) {
    case "mute":
      return mute(state, sender, senderSocket, message);
    case "remove":
      return remove(state, sender, senderSocket, message);
    case "end":
      return end(state, sender);
    case "lock":
      return lock(state, message);
    case "spotlight":
      return spotlight(state, senderSocket, message);
  }
}
