import { forbiddenMedia, whyNot } from "../domain/meeting-permissions";
import type { ChatSendMessage, HandMessage, MediaMessage, QualityMessage, ReactionSendMessage, SignalMessage } from "../signaling/client-messages";
import type { ChatAttachment, ChatMessage } from "../signaling/chat";
import type { HandState, Participant } from "../signaling/participant";
import type { ParticipantQuality, QualitySummary } from "../signaling/quality";
import { refuse, send, toConnected, unchanged } from "./effects";
import type { MeetingTransition, VouchedAttachment } from "./meeting-events";
import { CHAT_HISTORY_LIMIT, CHAT_HISTORY_MAX_BYTES, HELD_SIGNALS_LIMIT, HELD_SIGNALS_MAX_BYTES } from "./meeting-policy";
import type { ChatEntry, HeldSignal, MeetingState, Seat } from "./meeting-state";
import { withParticipant, withSeat } from "./meeting-updates";
import { utf8ByteLength } from "./utf8";

/** Applies a change to the sender's own participant and tells everyone, the sender included (callers skip no-ops). */
function updateSelf(state: MeetingState, seat: Seat, participant: Participant): MeetingTransition {
  const next = withParticipant(state, seat, participant);
  return { state: next, effects: toConnected(next, { type: "participant-updated", participant }) };
}

function holdSignal(seat: Seat, held: HeldSignal): Seat {
  const heldSignals = [...seat.heldSignals, held];
  let bytes = heldSignals.reduce((sum, signal) => sum + signal.bytes, 0);
  while (heldSignals.length > HELD_SIGNALS_LIMIT || bytes > HELD_SIGNALS_MAX_BYTES) bytes -= heldSignals.shift()!.bytes;
  return { ...seat, heldSignals };
}

/** Relays to the addressee's current socket only, or holds it while the addressee is reconnecting. */
export function relaySignal(state: MeetingState, sender: Seat, message: SignalMessage, senderSocket: string): MeetingTransition {
  const target = message.to === sender.participant.id ? undefined : state.seats.get(message.to);
  if (!target) return refuse(state, senderSocket, "unknown_participant", "signal must address another participant in the meeting");
  const from = sender.participant.id;
  if (target.connectionId !== null) {
    return { state, effects: [send(target.connectionId, { type: "signal", from, payload: message.payload })] };
  }
  const bytes = utf8ByteLength(JSON.stringify(message.payload));
  return { state: withSeat(state, holdSignal(target, { from, payload: message.payload, bytes })), effects: [] };
}

function trimChat(chat: ChatEntry[]): ChatEntry[] {
  let bytes = chat.reduce((sum, entry) => sum + entry.bytes, 0);
  let first = 0;
  while (chat.length - first > CHAT_HISTORY_LIMIT || bytes > CHAT_HISTORY_MAX_BYTES) bytes -= chat[first++]!.bytes;
  return first === 0 ? chat : chat.slice(first);
}

export type ChatPost = { message: ChatSendMessage; messageId: string; attachments: readonly (VouchedAttachment | null)[]; now: number };

export function postChat(state: MeetingState, sender: Seat, senderSocket: string, post: ChatPost): MeetingTransition {
  const { participant } = sender;
  const { message: text, messageId, now } = post;
  const forbidden = whyNot(participant.role, "chat", state.room.policy);
  if (forbidden !== null) return refuse(state, senderSocket, "forbidden", forbidden);
  const attachments: ChatAttachment[] = [];
  for (const vouched of post.attachments) {
    if (vouched === null) return refuse(state, senderSocket, "invalid_message", "an attachment is not a file stored for this meeting; upload it again");
    if (vouched.ownerId !== participant.userId) return refuse(state, senderSocket, "forbidden", "only the person who shared a file can post it");
    attachments.push(vouched.attachment);
  }
  const message: ChatMessage = {
    id: messageId,
    from: participant.id,
    userId: participant.userId,
    name: participant.name,
    text: text.text,
    ...(attachments.length > 0 ? { attachments } : {}),
    sentAt: now,
  };
  const entry: ChatEntry = { seq: state.nextChatSeq, message, bytes: utf8ByteLength(JSON.stringify(message)) };
  const next = { ...state, chat: trimChat([...state.chat, entry]), nextChatSeq: state.nextChatSeq + 1 };
  return { state: next, effects: toConnected(next, { type: "chat", message }) };
}

/** Turning something on that the sender's role (or the room's policy) does not allow is refused as a whole. */
export function setMedia(state: MeetingState, seat: Seat, senderSocket: string, { audio, video, screen }: MediaMessage): MeetingTransition {
  const forbidden = forbiddenMedia(seat.participant.role, { audio, video, screen }, state.room.policy);
  if (forbidden) return refuse(state, senderSocket, "forbidden", forbidden.reason);
  const { media } = seat.participant;
  if (media.audio === audio && media.video === video && media.screen === screen) return unchanged(state);
  return updateSelf(state, seat, { ...seat.participant, media: { audio, video, screen } });
}

export function setHand(state: MeetingState, seat: Seat, senderSocket: string, { raised }: HandMessage, now: number): MeetingTransition {
  // Lowering is always allowed.
  const forbidden = raised ? whyNot(seat.participant.role, "raise-hand", state.room.policy) : null;
  if (forbidden !== null) return refuse(state, senderSocket, "forbidden", forbidden);
  if (seat.participant.hand.raised === raised) return unchanged(state);
  const hand: HandState = raised ? { raised, raisedAt: now } : { raised };
  return updateSelf(state, seat, { ...seat.participant, hand });
}

export function react(state: MeetingState, seat: Seat, senderSocket: string, { emoji }: ReactionSendMessage): MeetingTransition {
  const forbidden = whyNot(seat.participant.role, "react", state.room.policy);
  if (forbidden !== null) return refuse(state, senderSocket, "forbidden", forbidden);
  return { state, effects: toConnected(state, { type: "reaction", from: seat.participant.id, emoji }) };
}

function sameQuality(current: ParticipantQuality | undefined, reported: ParticipantQuality): boolean {
  if (!current || current.level !== reported.level) return false;
  const keys = Object.keys(reported.summary) as (keyof QualitySummary)[];
  return keys.every((key) => current.summary[key] === reported.summary[key]);
}

export function reportQuality(state: MeetingState, seat: Seat, { level, summary }: QualityMessage): MeetingTransition {
  if (sameQuality(seat.participant.quality, { level, summary })) return unchanged(state);
  return updateSelf(state, seat, { ...seat.participant, quality: { level, summary } });
}
