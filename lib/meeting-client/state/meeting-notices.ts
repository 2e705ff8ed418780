import type { ErrorCode, Participant, ServerMessage } from "@/lib/signaling";
import type { ActiveRecording } from "@/lib/signaling/room-settings";
import type { MeetingViewState } from "./meeting-view-state";
import { handRaisedAt } from "./participant-facts";

/**
 * What to tell the person about a server message. Every notice is announced to screen readers (politely); those
 * that deserve a sighted person's attention too become toasts, whose own live region then does the announcing.
 * Pure, so the wording and the noise level are tested; the meeting hook shows them.
 */
export type Notice = {
  text: string;
  toast: "info" | "warning" | "error" | null;
  /** Arrivals and departures come in bursts (an all-hands starting): such notices are told together (notice-burst.ts). */
  burst?: { kind: "joined" | "left"; name: string };
};

function nameOf(state: MeetingViewState, participantId: string | null | undefined): string | null {
  return state.participants.find((participant) => participant.id === participantId)?.name ?? null;
}

function handNotice(before: Participant | undefined, after: Participant, isSelf: boolean): Notice[] {
  const wasRaised = before ? handRaisedAt(before) !== null : false;
  const isRaised = handRaisedAt(after) !== null;
  if (wasRaised === isRaised) return [];
  if (isSelf) return [{ text: isRaised ? "Your hand is raised" : "Your hand is lowered", toast: null }];
  return isRaised
    ? [{ text: `${after.name} raised their hand`, toast: "info" }]
    : [{ text: `${after.name} lowered their hand`, toast: null }];
}

function connectionNotice(before: Participant | undefined, after: Participant, isSelf: boolean): Notice[] {
  if (isSelf || !before || before.connection === after.connection) return [];
  return [{ text: after.connection === "reconnecting" ? `${after.name} is reconnecting` : `${after.name} is back`, toast: null }];
}

const roleWords: Record<Participant["role"], string> = { host: "a host", presenter: "a presenter", participant: "a participant", observer: "an observer" };

function roleNotice(before: Participant | undefined, after: Participant, isSelf: boolean): Notice[] {
  if (!before || before.role === after.role) return [];
  if (isSelf) {
    const hint = after.role === "observer" ? " You can watch, chat and raise your hand." : after.role === "host" ? " You can now manage the meeting." : "";
    return [{ text: `A host made you ${roleWords[after.role]}.${hint}`, toast: "info" }];
  }
  return [{ text: `${after.name} is now ${roleWords[after.role]}`, toast: null }];
}

/** Everyone is told, out loud and on screen, when recording starts and stops: it is their consent. */
function recordingNotice(state: MeetingViewState, recording: ActiveRecording | null): Notice[] {
  const before = state.room.recording;
  if (before?.id === recording?.id) return [];
  if (recording === null) return [{ text: "Recording stopped", toast: "info" }];
  const self = recording.by === state.selfId;
  return [{ text: self ? "You started recording. Everyone sees that the meeting is recorded." : `${nameOf(state, recording.by) ?? "A host"} started recording this meeting`, toast: "warning" }];
}

/** Errors worth telling the person about; the rest are protocol noise a person cannot act on. */
const errorTexts: Partial<Record<ErrorCode, string>> = {
  // The server says why (lib/domain/meeting-permissions), in words meant for people; this is the fallback.
  forbidden: "You can't do that in this meeting.",
  room_full: "The meeting is full.",
  room_locked: "The meeting is locked: a host has to unlock it before you can join.",
  too_many_seats: "You're already in this meeting in other tabs or on other devices.",
  rate_limited: "You're sending too fast; some actions were dropped.",
  unknown_participant: "That person has already left.",
};

export function noticesFor(state: MeetingViewState, message: ServerMessage): Notice[] {
  if (state.phase === "over") return [];
  switch (message.type) {
    case "welcome": {
      const others = message.participants.length - 1;
      const text =
        state.phase === "reconnecting"
          ? "Reconnected"
          : others === 0
            ? "You joined. Nobody else is here yet."
            : `You joined. ${others} ${others === 1 ? "other person is" : "other people are"} here.`;
      const joined: Notice = { text, toast: state.phase === "reconnecting" ? "info" : null };
      const recorded = message.room.recording !== null && state.room.recording?.id !== message.room.recording.id;
      return recorded ? [joined, { text: "This meeting is being recorded", toast: "warning" }] : [joined];
    }
    case "participant-joined":
      if (message.participant.id === state.selfId || state.participants.some((participant) => participant.id === message.participant.id)) return [];
      return [{ text: `${message.participant.name} joined`, toast: "info", burst: { kind: "joined", name: message.participant.name } }];
    case "participant-left": {
      const name = nameOf(state, message.participantId);
      if (!name || message.participantId === state.selfId) return [];
      if (message.reason === "left") return [{ text: `${name} left`, toast: "info", burst: { kind: "left", name } }];
      const text = message.reason === "removed" ? `A host removed ${name}` : `${name} lost their connection and left`;
      return [{ text, toast: "info" }];
    }
    case "participant-updated": {
      const before = state.participants.find((participant) => participant.id === message.participant.id);
      const isSelf = message.participant.id === state.selfId;
      return [...roleNotice(before, message.participant, isSelf), ...handNotice(before, message.participant, isSelf), ...connectionNotice(before, message.participant, isSelf)];
    }
    case "waiting":
      return [{ text: "You're in the waiting room. A host will let you in.", toast: null }];
    case "denied":
      return [{ text: "A host didn't let you in", toast: null }];
    case "muted-by-host":
      return [{ text: "A host muted your microphone", toast: "warning" }];
    case "everyone-muted":
      return message.by === state.selfId
        ? [{ text: message.exceptPresenters ? "You muted everyone except presenters" : "You muted everyone", toast: "info" }]
        : [{ text: message.exceptPresenters ? "A host muted everyone except presenters" : "A host muted everyone", toast: null }];
    case "unmute-requested":
      // The toast with its Unmute button comes from the meeting hook; screen readers hear it here.
      return [{ text: "A host asks you to unmute. Press M to unmute.", toast: null }];
    case "hands-lowered":
      return [{ text: message.by === state.selfId ? "You lowered all hands" : "A host lowered all hands", toast: message.by === state.selfId ? null : "info" }];
    case "share-stopped-by-host":
      return [{ text: "A host stopped your screen share", toast: "warning" }];
    case "room-updated": {
      const notices: Notice[] = [];
      if (message.locked !== state.room.locked) {
        notices.push({ text: message.locked ? "The meeting is now locked: nobody new can join" : "The meeting is unlocked", toast: "info" });
      }
      if (message.spotlight !== state.room.spotlight) {
        const name = nameOf(state, message.spotlight);
        const self = message.spotlight === state.selfId;
        const text = message.spotlight === null ? "The spotlight was removed" : self ? "You are spotlighted for everyone" : `${name ?? "Someone"} is spotlighted for everyone`;
        notices.push({ text, toast: self ? "info" : null });
      }
      notices.push(...recordingNotice(state, message.recording));
      return notices;
    }
    // The exit screen that follows says it in its heading, which takes focus.
    case "removed":
      return [{ text: "A host removed you from the meeting", toast: null }];
    case "ended":
      return [{ text: "A host ended the meeting for everyone", toast: null }];
    case "error":
      if (message.code === "forbidden" && message.message) return [{ text: message.message, toast: "error" }];
      return errorTexts[message.code] ? [{ text: errorTexts[message.code]!, toast: "error" }] : [];
    default:
      return [];
  }
}
