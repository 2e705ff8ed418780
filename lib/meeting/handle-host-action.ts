import { allowedMedia, can, whyNot, type MeetingPermission } from "../domain/meeting-permissions";
import type {
  AdmitMessage,
  DenyMessage,
  HostActionMessage,
  LockMessage,
  RemoveMessage,
  SetRoleMessage,
  SpotlightMessage,
} from "../signaling/client-messages";
import { CLOSE_CODES } from "../signaling/close-codes";
import type { Participant } from "../signaling/participant";
import type { ServerMessage } from "../signaling/server-messages";
import { close, refuse, send, toConnected, unchanged, waitingUpdate } from "./effects";
import { dropParticipant } from "./handle-departure";
import { askUnmute, lowerHands, mute, muteAll, stopShare, targetMissing } from "./handle-host-media-action";
import { welcome } from "./handle-hello";
import type { FreshResumeToken, MeetingEffect, MeetingTransition } from "./meeting-events";
import { emptyMeeting, waitingListOf, type ConnectionId, type MeetingState, type ParticipantId, type Seat, type WaitingEntry } from "./meeting-state";
import { withConnection, withParticipant, withSeat, withoutWaiting } from "./meeting-updates";

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

/** Everyone hears it and every socket closes, pending and waiting ones included; the meeting starts over empty. */
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

/**
 * A live role change. Whatever the new role may not publish is turned off at once (an observer sends nothing); a
 * demoted host loses host actions with the very next message, and someone made host gets the waiting list.
 */
function setRole(state: MeetingState, host: Seat, hostSocket: ConnectionId, { participantId, role }: SetRoleMessage): MeetingTransition {
  const target = state.seats.get(participantId);
  if (!target) return targetMissing(state, hostSocket);
  if (target.participant.role === role) return unchanged(state);
  if (target.participant.role === "host" && role !== "host") {
    const otherHosts = [...state.seats.values()].filter((seat) => seat !== target && seat.participant.role === "host");
    if (otherHosts.length === 0) return refuse(state, hostSocket, "forbidden", "A meeting needs a host: make someone else a host first");
  }
  const { policy } = state.room;
  const participant: Participant = { ...target.participant, role, media: allowedMedia(role, target.participant.media, policy) };
  const next = withParticipant(state, target, participant);
  const effects = toConnected(next, { type: "participant-updated", participant });
  const gainsAdmit = can(role, "admit", policy) && !can(target.participant.role, "admit", policy);
  if (gainsAdmit && target.connectionId !== null) effects.push(send(target.connectionId, { type: "waiting-updated", waiting: waitingListOf(next) }));
  return { state: next, effects };
}

function denyEntry(state: MeetingState, host: Seat, hostSocket: ConnectionId, { participantId }: DenyMessage): MeetingTransition {
  const entry = state.waiting.get(participantId);
  if (!entry) return refuse(state, hostSocket, "unknown_participant", "nobody with that id is waiting");
  const next = withoutWaiting(state, participantId);
  const effects: MeetingEffect[] = [];
  if (entry.connectionId !== null) {
    effects.push(send(entry.connectionId, { type: "denied", by: host.participant.id }), close(entry.connectionId, CLOSE_CODES.denied, "denied by host"));
  }
  return { state: next, effects: [...effects, ...waitingUpdate(next)] };
}

/**
 * Seats someone from the waiting room. Connected: welcome (with a fresh resume token) at once. Still away after a
 * server restart: the seat waits for them as `reconnecting`, reclaimable with the token their `waiting` carried.
 */
function seatFromWaiting(state: MeetingState, host: Seat, entry: WaitingEntry, fresh: FreshResumeToken, now: number): MeetingTransition {
  const { id, userId, name, role } = entry.participant;
  const connected = entry.connectionId !== null;
  const participant: Participant = {
    id,
    userId,
    name,
    role,
    joinedAt: now,
    media: { audio: false, video: false, screen: false },
    hand: { raised: false },
    connection: connected ? "connected" : "reconnecting",
  };
  const seat: Seat = {
    participant,
    connectionId: entry.connectionId,
    resumeTokenHash: connected ? fresh.resumeTokenHash : entry.resumeTokenHash,
    graceDeadline: connected ? null : entry.graceDeadline,
    heldSignals: [],
    admittedBy: host.participant.id,
  };
  let next = withSeat(withoutWaiting(state, id), seat);
  const effects: MeetingEffect[] = [];
  if (entry.connectionId !== null) {
    next = withConnection(next, entry.connectionId, { phase: "joined", participantId: id });
    effects.push(send(entry.connectionId, welcome(next, seat, fresh.resumeToken, false)));
  }
  effects.push(...toConnected(next, { type: "participant-joined", participant }, entry.connectionId ?? undefined));
  if (next.room !== state.room) effects.push(...toConnected(next, { type: "room-updated", ...next.room }, entry.connectionId ?? undefined));
  return { state: next, effects };
}

/** Admits one person or everyone waiting, in order of arrival, as far as the meeting's capacity allows. */
export function admit(
  state: MeetingState,
  host: Seat,
  hostSocket: ConnectionId,
  message: AdmitMessage,
  issued: ReadonlyMap<ParticipantId, FreshResumeToken>,
  now: number,
): MeetingTransition {
  const permission = whyNot(host.participant.role, "admit", state.room.policy);
  if (permission !== null) return refuse(state, hostSocket, "forbidden", permission);
  const entries = message.all ? [...state.waiting.values()] : [state.waiting.get(message.participantId!)].filter((entry) => entry !== undefined);
  if (entries.length === 0 && !message.all) return refuse(state, hostSocket, "unknown_participant", "nobody with that id is waiting");
  let next = state;
  const effects: MeetingEffect[] = [];
  for (const entry of entries) {
    const fresh = issued.get(entry.participant.id);
    if (!fresh) continue;
    if (next.seats.size >= next.room.policy.maxParticipants) {
      effects.push(send(hostSocket, { type: "error", code: "room_full", message: `The meeting is full (${next.room.policy.maxParticipants} people).` }));
      break;
    }
    const seated = seatFromWaiting(next, host, entry, fresh, now);
    next = seated.state;
    effects.push(...seated.effects);
  }
  if (next !== state) effects.push(...waitingUpdate(next));
  return { state: next, effects };
}

const permissionFor: Record<Exclude<HostActionMessage["type"], "admit">, MeetingPermission> = {
  mute: "mute-others",
  "mute-all": "mute-others",
  "ask-unmute": "mute-others",
  "lower-hands": "lower-hands",
  "stop-share": "stop-share",
  remove: "remove",
  end: "end-meeting",
  lock: "lock",
  spotlight: "spotlight",
  "set-role": "change-roles",
  deny: "admit",
};

/** Host actions, each checked against the sender's current role; anyone without the right is refused and nothing changes. */
export function hostAction(state: MeetingState, sender: Seat, senderSocket: ConnectionId, message: Exclude<HostActionMessage, AdmitMessage>): MeetingTransition {
  const reason = whyNot(sender.participant.role, permissionFor[message.type], state.room.policy);
  if (reason !== null) return refuse(state, senderSocket, "forbidden", reason);
  switch (message.type) {
    case "mute":
      return mute(state, sender, senderSocket, message);
    case "mute-all":
      return muteAll(state, sender, message);
    case "ask-unmute":
      return askUnmute(state, sender, senderSocket, message);
    case "lower-hands":
      return lowerHands(state, sender);
    case "stop-share":
      return stopShare(state, sender, senderSocket, message);
    case "remove":
      return remove(state, sender, senderSocket, message);
    case "end":
      return end(state, sender);
    case "lock":
      return lock(state, message);
    case "spotlight":
      return spotlight(state, senderSocket, message);
    case "set-role":
      return setRole(state, sender, senderSocket, message);
    case "deny":
      return denyEntry(state, sender, senderSocket, message);
  }
}
