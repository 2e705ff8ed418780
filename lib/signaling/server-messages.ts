import { z } from "zod";
import { chatMessageSchema } from "./chat";
import { participantIdSchema } from "./ids";
import { participantSchema } from "./participant";
import { reactionEmojiSchema } from "./reactions";
import { resumeTokenSchema } from "./resume-token";
import { roomSettingsSchema } from "./room-settings";
import { rtcSignalSchema } from "./rtc-signal";
import { waitingParticipantSchema } from "./waiting";

export const welcomeMessageSchema = z.object({
  type: z.literal("welcome"),
  v: z.number().int().positive(),
  self: participantSchema,
  /** Everyone in the meeting, the recipient and reconnecting participants included, in order of first joining. */
  participants: z.array(participantSchema),
  /** The most recent chat messages, oldest first. */
  chat: z.array(chatMessageSchema),
  room: roomSettingsSchema,
  /** Single use: present it in the next connection's `hello.resume`; every welcome replaces the previous one. */
  resume: resumeTokenSchema,
  /** Whether this connection took over an existing seat (same participant id, state kept). */
  resumed: z.boolean(),
  /** The waiting room, oldest first: filled for those who may admit people, empty for everyone else. */
  waiting: z.array(waitingParticipantSchema).default([]),
});

export const participantJoinedMessageSchema = z.object({
  type: z.literal("participant-joined"),
  participant: participantSchema,
});

/** Any change to a participant: media, hand, quality, connection status, or name/role after a resume. */
export const participantUpdatedMessageSchema = z.object({
  type: z.literal("participant-updated"),
  participant: participantSchema,
});

export const participantLeftMessageSchema = z.object({
  type: z.literal("participant-left"),
  participantId: participantIdSchema,
  /** `timeout`: the reconnection grace ran out. */
  reason: z.enum(["left", "timeout", "removed"]),
});

export const signalRelayMessageSchema = z.object({
  type: z.literal("signal"),
  from: participantIdSchema,
  payload: rtcSignalSchema,
});

export const chatBroadcastMessageSchema = z.object({
  type: z.literal("chat"),
  message: chatMessageSchema,
});

/** Ephemeral: not kept, not replayed to later joiners. */
export const reactionBroadcastMessageSchema = z.object({
  type: z.literal("reaction"),
  from: participantIdSchema,
  emoji: reactionEmojiSchema,
});

export const roomUpdatedMessageSchema = z.object({
  type: z.literal("room-updated"),
  ...roomSettingsSchema.shape,
});

/** To the target of a host's `mute`: its audio is now off in the meeting state; stop sending it. */
export const mutedByHostMessageSchema = z.object({ type: z.literal("muted-by-host"), by: participantIdSchema });

/** To everyone after a host's `mute-all` (each muted person also gets `muted-by-host`). */
export const everyoneMutedMessageSchema = z.object({ type: z.literal("everyone-muted"), by: participantIdSchema, exceptPresenters: z.boolean() });

/** To the target of a host's `ask-unmute`: a request the person may accept or ignore. */
export const unmuteRequestedMessageSchema = z.object({ type: z.literal("unmute-requested"), by: participantIdSchema });

/** To everyone after a host's `lower-hands` (the lowered hands arrive as `participant-updated`). */
export const handsLoweredMessageSchema = z.object({ type: z.literal("hands-lowered"), by: participantIdSchema });

/** To the target of a host's `stop-share`: its screen share is off in the meeting state; stop sending it. */
export const shareStoppedByHostMessageSchema = z.object({ type: z.literal("share-stopped-by-host"), by: participantIdSchema });

/** To the target of a host's `remove`, just before the room closes its socket. */
export const removedMessageSchema = z.object({ type: z.literal("removed"), by: participantIdSchema });

/** To everyone when a host ends the meeting, just before the room closes every socket. */
export const endedMessageSchema = z.object({ type: z.literal("ended"), by: participantIdSchema });

/**
 * To someone the waiting room holds instead of seating: no roster, media or chat until a host admits them (then
 * `welcome`) or turns them away (`denied`). `resume` reclaims the place in the list after a server restart.
 */
export const waitingMessageSchema = z.object({
  type: z.literal("waiting"),
  v: z.number().int().positive(),
  self: waitingParticipantSchema,
  resume: resumeTokenSchema,
});

/** To those who may admit: someone new is waiting. */
export const knockMessageSchema = z.object({ type: z.literal("knock"), participant: waitingParticipantSchema });

/** To those who may admit: the whole waiting list, oldest first, after any change (arrival, admission, denial, departure). */
export const waitingUpdatedMessageSchema = z.object({ type: z.literal("waiting-updated"), waiting: z.array(waitingParticipantSchema) });

/** To someone a host turned away from the waiting room, just before the room closes its socket (4005). */
export const deniedMessageSchema = z.object({ type: z.literal("denied"), by: participantIdSchema });

export const pongMessageSchema = z.object({ type: z.literal("pong") });

export const errorCodeSchema = z.enum([
  /** Not JSON, not an object, a binary frame, or fields that do not match the message's schema. */
  "invalid_message",
  "message_too_large",
  /** A `type` this protocol version does not know; the connection stays usable. */
  "unknown_type",
  "unsupported_version",
  "already_joined",
  /** A meeting message before an accepted `hello`. */
  "not_joined",
  /** Sent once when a connection starts being throttled; further dropped messages are not acknowledged. */
  "rate_limited",
  /** The sender's role (or the room's policy) does not allow this; nothing changed. The message says why. */
  "forbidden",
  /** The meeting has as many participants as its policy allows; a joiner's connection is closed. */
  "room_full",
  /** The room is locked; the connection is closed. */
  "room_locked",
  /** This user already holds MAX_SEATS_PER_USER seats in the meeting (other tabs, devices); the connection is closed. */
  "too_many_seats",
  /** The target participant is not in the meeting (or is the sender, for `signal`). */
  "unknown_participant",
  /** No `hello` within the allowed time; the connection is closed. */
  "hello_timeout",
]);

export const errorMessageSchema = z.object({
  type: z.literal("error"),
  code: errorCodeSchema,
  /** Human readable; never echoes the input at length. */
  message: z.string(),
});

export const serverMessageSchema = z.discriminatedUnion("type", [
  welcomeMessageSchema,
  participantJoinedMessageSchema,
  participantUpdatedMessageSchema,
  participantLeftMessageSchema,
  signalRelayMessageSchema,
  chatBroadcastMessageSchema,
  reactionBroadcastMessageSchema,
  roomUpdatedMessageSchema,
  mutedByHostMessageSchema,
  everyoneMutedMessageSchema,
  unmuteRequestedMessageSchema,
  handsLoweredMessageSchema,
  shareStoppedByHostMessageSchema,
  removedMessageSchema,
  endedMessageSchema,
  waitingMessageSchema,
  knockMessageSchema,
  waitingUpdatedMessageSchema,
  deniedMessageSchema,
  pongMessageSchema,
  errorMessageSchema,
]);

export type WelcomeMessage = z.infer<typeof welcomeMessageSchema>;
export type ParticipantJoinedMessage = z.infer<typeof participantJoinedMessageSchema>;
export type ParticipantUpdatedMessage = z.infer<typeof participantUpdatedMessageSchema>;
export type ParticipantLeftMessage = z.infer<typeof participantLeftMessageSchema>;
export type ParticipantLeftReason = ParticipantLeftMessage["reason"];
export type SignalRelayMessage = z.infer<typeof signalRelayMessageSchema>;
export type ChatBroadcastMessage = z.infer<typeof chatBroadcastMessageSchema>;
export type ReactionBroadcastMessage = z.infer<typeof reactionBroadcastMessageSchema>;
export type RoomUpdatedMessage = z.infer<typeof roomUpdatedMessageSchema>;
export type MutedByHostMessage = z.infer<typeof mutedByHostMessageSchema>;
export type RemovedMessage = z.infer<typeof removedMessageSchema>;
export type EndedMessage = z.infer<typeof endedMessageSchema>;
export type WaitingMessage = z.infer<typeof waitingMessageSchema>;
export type KnockMessage = z.infer<typeof knockMessageSchema>;
export type WaitingUpdatedMessage = z.infer<typeof waitingUpdatedMessageSchema>;
export type DeniedMessage = z.infer<typeof deniedMessageSchema>;
export type PongMessage = z.infer<typeof pongMessageSchema>;
export type ErrorCode = z.infer<typeof errorCodeSchema>;
export type ErrorMessage = z.infer<typeof errorMessageSchema>;
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type ServerMessageType = ServerMessage["type"];

export function errorMessage(code: ErrorCode, message: string): ErrorMessage {
  return { type: "error", code, message };
}
