import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import type { ChatMessage, Participant, ReactionEmoji, RoomSettings, ServerMessage, WaitingParticipant } from "@/lib/signaling";
import { type LayoutMode, type TileRef, nextLayoutMode } from "./meeting-layout";
import { isSharingScreen } from "./participant-facts";

/**
 * The meeting as this browser shows it: the server's roster, chat and room settings, plus what is purely local
 * (open panel, layout, pin, unread count, floating reactions). A pure reducer, so every rule is unit-tested
 * without a socket; toasts and announcements are derived separately (meeting-notices.ts).
 */

/** `closed`: the server closed the room itself (expired, archived, deleted). */
export type ExitReason = "left" | "ended" | "removed" | "denied" | "refused" | "failed" | "closed";
export type Panel = "chat" | "participants";

export type FloatingReaction = { id: number; participantId: string; emoji: ReactionEmoji };

export type MeetingViewState = {
  /** `waiting`: in the waiting room until a host admits (welcome) or denies. */
  phase: "connecting" | "waiting" | "in-meeting" | "reconnecting" | "over";
  exit: { reason: ExitReason; message?: string } | null;
  selfId: string | null;
  /** Server order (join order), oneself included. */
  participants: Participant[];
  /** When each current screen share started, on this browser's clock: the newest share takes the stage. */
  screenSince: Readonly<Record<string, number>>;
  chat: ChatMessage[];
  unreadChat: number;
  panel: Panel | null;
  room: RoomSettings;
  /** The waiting room as hosts see it (empty for everyone else), oldest first. */
  waiting: WaitingParticipant[];
  layoutMode: LayoutMode;
  pinned: TileRef | null;
  reactions: FloatingReaction[];
  nextReactionId: number;
};

export type MeetingViewEvent =
  | { type: "server"; message: ServerMessage; at: number }
  | { type: "join-started" }
  | { type: "connection-lost" }
  | { type: "left" }
  | { type: "failed"; message: string; exit?: "closed" | "refused" }
  | { type: "panel-toggled"; panel: Panel }
  | { type: "panel-closed" }
  | { type: "layout-chosen"; mode: LayoutMode }
  | { type: "layout-cycled" }
  | { type: "pin-toggled"; tile: TileRef }
  | { type: "reaction-expired"; id: number };

/** Older messages than this are dropped from the view; the server keeps its own bounded history. */
export const MAX_CHAT_MESSAGES = 500;
/** A burst of reactions beyond this would only cover the videos; the oldest make way. */
export const MAX_FLOATING_REACTIONS = 30;

export const initialMeetingViewState: MeetingViewState = {
  phase: "connecting",
  exit: null,
  selfId: null,
  participants: [],
  screenSince: {},
  chat: [],
  unreadChat: 0,
  panel: null,
  room: { locked: false, spotlight: null, policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" },
  waiting: [],
  layoutMode: "auto",
  pinned: null,
  reactions: [],
  nextReactionId: 1,
};

function trackScreens(previous: Readonly<Record<string, number>>, participants: readonly Participant[], at: number): Record<string, number> {
  const next: Record<string, number> = {};
  for (const participant of participants) {
    if (isSharingScreen(participant)) next[participant.id] = previous[participant.id] ?? at;
  }
  return next;
}

function withRoster(state: MeetingViewState, participants: Participant[], at: number): MeetingViewState {
  const present = new Set(participants.map((participant) => participant.id));
  const pinned = state.pinned && present.has(state.pinned.participantId) ? state.pinned : null;
  return { ...state, participants, pinned, screenSince: trackScreens(state.screenSince, participants, at) };
}

function upsert(participants: readonly Participant[], participant: Participant): Participant[] {
  const index = participants.findIndex((existing) => existing.id === participant.id);
  if (index === -1) return [...participants, participant];
  return participants.map((existing, position) => (position === index ? participant : existing));
}

function appendChat(state: MeetingViewState, message: ChatMessage): MeetingViewState {
  if (state.chat.some((existing) => existing.id === message.id)) return state;
  const chat = [...state.chat, message].slice(-MAX_CHAT_MESSAGES);
  const unseen = state.panel !== "chat" && message.from !== state.selfId;
  return { ...state, chat, unreadChat: unseen ? state.unreadChat + 1 : state.unreadChat };
}

function over(state: MeetingViewState, reason: ExitReason, message?: string): MeetingViewState {
  return { ...state, phase: "over", exit: { reason, message }, reactions: [] };
}

function reduceServerMessage(state: MeetingViewState, message: ServerMessage, at: number): MeetingViewState {
  switch (message.type) {
    case "welcome": {
      // A resumed session's welcome replaces the roster and history wholesale: both may have moved on meanwhile.
      const joined = withRoster(
        { ...state, phase: "in-meeting", exit: null, selfId: message.self.id, room: message.room, waiting: message.waiting },
        message.participants,
        at,
      );
      const known = new Set(state.chat.map((entry) => entry.id));
      const unseen = state.panel === "chat" ? 0 : message.chat.filter((entry) => !known.has(entry.id) && entry.from !== message.self.id).length;
      return { ...joined, chat: message.chat.slice(-MAX_CHAT_MESSAGES), unreadChat: state.selfId === null ? 0 : state.unreadChat + unseen };
    }
    case "participant-joined":
    case "participant-updated":
      return withRoster(state, upsert(state.participants, message.participant), at);
    case "participant-left": {
      const next = withRoster(state, state.participants.filter((participant) => participant.id !== message.participantId), at);
      return { ...next, reactions: next.reactions.filter((reaction) => reaction.participantId !== message.participantId) };
    }
    case "chat":
      return appendChat(state, message.message);
    case "reaction":
      return {
        ...state,
        reactions: [...state.reactions, { id: state.nextReactionId, participantId: message.from, emoji: message.emoji }].slice(-MAX_FLOATING_REACTIONS),
        nextReactionId: state.nextReactionId + 1,
      };
    case "room-updated":
      return { ...state, room: { locked: message.locked, spotlight: message.spotlight, policy: message.policy, recording: message.recording, mediaPath: message.mediaPath } };
    case "waiting":
      return { ...state, phase: "waiting", selfId: null };
    case "waiting-updated":
      return { ...state, waiting: message.waiting };
    case "knock":
      return state.waiting.some((entry) => entry.id === message.participant.id) ? state : { ...state, waiting: [...state.waiting, message.participant] };
    case "denied":
      return over(state, "denied");
    case "removed":
      return over(state, "removed");
    case "ended":
      return over(state, "ended");
    default:
      return state;
  }
}

export function reduceMeetingView(state: MeetingViewState, event: MeetingViewEvent): MeetingViewState {
  switch (event.type) {
    case "server":
      // Late frames after leaving (a relayed signal, a chat) must not bring a finished meeting back.
      return state.phase === "over" ? state : reduceServerMessage(state, event.message, event.at);
    case "join-started":
      return { ...initialMeetingViewState, layoutMode: state.layoutMode, nextReactionId: state.nextReactionId };
    case "connection-lost":
      return state.phase === "in-meeting" ? { ...state, phase: "reconnecting" } : state;
    case "left":
      return state.phase === "over" ? state : over(state, "left");
    case "failed":
      // The close that follows a denial or removal must not replace its explanation.
      return state.phase === "over" ? state : over(state, event.exit ?? "failed", event.message);
    case "panel-toggled": {
      const panel = state.panel === event.panel ? null : event.panel;
      return { ...state, panel, unreadChat: panel === "chat" ? 0 : state.unreadChat };
    }
    case "panel-closed":
      return { ...state, panel: null };
    case "layout-chosen":
      return { ...state, layoutMode: event.mode };
    case "layout-cycled":
      return { ...state, layoutMode: nextLayoutMode(state.layoutMode) };
    case "pin-toggled": {
      const same = state.pinned?.participantId === event.tile.participantId && state.pinned.source === event.tile.source;
      return { ...state, pinned: same ? null : event.tile };
    }
    case "reaction-expired":
      return { ...state, reactions: state.reactions.filter((reaction) => reaction.id !== event.id) };
  }
}
