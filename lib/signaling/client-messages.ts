import { z } from "zod";
import { chatAttachmentTicketSchema, chatTextSchema, MAX_CHAT_ATTACHMENTS } from "./chat";
import { featureMessageSchema, qualitySamplesMessageSchema } from "./analytics-messages";
import { participantIdSchema } from "./ids";
import { meetingRoleSchema } from "./meeting-role";
import { mediaStateSchema } from "./participant";
import { qualityLevelSchema, qualitySummarySchema } from "./quality";
import { reactionEmojiSchema } from "./reactions";
import { resumeTokenSchema } from "./resume-token";
import { rtcSignalSchema } from "./rtc-signal";

export const helloMessageSchema = z.object({
  type: z.literal("hello"),
  /** Protocol version the client speaks. */
  v: z.number().int().positive(),
  /** `welcome.resume` from this participant's previous connection: reclaims its seat within the grace period. */
  resume: resumeTokenSchema.optional(),
});

export const pingMessageSchema = z.object({ type: z.literal("ping") });

/** A deliberate departure: peers hear `participant-left` at once instead of after the reconnection grace. */
export const leaveMessageSchema = z.object({ type: z.literal("leave") });

/** WebRTC negotiation for one other participant; relayed to that participant only. */
export const signalMessageSchema = z.object({
  type: z.literal("signal"),
  to: participantIdSchema,
  payload: rtcSignalSchema,
});

export const chatSendMessageSchema = z
  .object({
    type: z.literal("chat"),
    text: chatTextSchema,
    attachments: z.array(chatAttachmentTicketSchema).min(1).max(MAX_CHAT_ATTACHMENTS).optional(),
  })
  .refine((message) => message.text.trim().length > 0 || message.attachments !== undefined, {
    message: "a chat message needs text or attachments",
    path: ["text"],
  });

/** The sender's own media state, announced to everyone. */
export const mediaMessageSchema = z.object({ type: z.literal("media"), ...mediaStateSchema.shape });

export const handMessageSchema = z.object({ type: z.literal("hand"), raised: z.boolean() });

export const reactionSendMessageSchema = z.object({ type: z.literal("reaction"), emoji: reactionEmojiSchema });

/** The sender's own connection quality, summarised over its peer connections. */
export const qualityMessageSchema = z.object({
  type: z.literal("quality"),
  level: qualityLevelSchema,
  summary: qualitySummarySchema,
});

/** Host only: turns the target's audio off and tells the target. */
export const muteMessageSchema = z.object({ type: z.literal("mute"), participantId: participantIdSchema });

/**
 * Host only: turns off the audio of everyone but hosts (and presenters, with `exceptPresenters`); each muted person
 * is told, and everyone hears that it happened.
 */
export const muteAllMessageSchema = z.object({ type: z.literal("mute-all"), exceptPresenters: z.boolean() });

/** Host only: asks a muted person to unmute. Nobody but the person can turn their microphone or camera on. */
export const askUnmuteMessageSchema = z.object({ type: z.literal("ask-unmute"), participantId: participantIdSchema });

/** Host only: lowers every raised hand. */
export const lowerHandsMessageSchema = z.object({ type: z.literal("lower-hands") });

/** Host only: ends someone else's screen share and tells them to stop sending it. */
export const stopShareMessageSchema = z.object({ type: z.literal("stop-share"), participantId: participantIdSchema });

/** Host only: removes the target from the meeting; its seat cannot be resumed. */
export const removeMessageSchema = z.object({ type: z.literal("remove"), participantId: participantIdSchema });

/** Host only: ends the meeting for everyone and clears its state. */
export const endMessageSchema = z.object({ type: z.literal("end") });

/** Host only. */
export const lockMessageSchema = z.object({ type: z.literal("lock"), locked: z.boolean() });

/** Host only: `null` clears the spotlight. */
export const spotlightMessageSchema = z.object({ type: z.literal("spotlight"), participantId: participantIdSchema.nullable() });

/** Host only: gives a participant another meeting role, live (e.g. an observer becomes a presenter). */
export const setRoleMessageSchema = z.object({ type: z.literal("set-role"), participantId: participantIdSchema, role: meetingRoleSchema });

/**
 * Host only (and only when the policy allows recording): starts or stops the meeting's recording. The sender
 * becomes the recorder: their browser composes and uploads the file.
 */
export const recordMessageSchema = z.object({ type: z.literal("record"), on: z.boolean() });

/** Host only: lets one person (`participantId`) or everyone (`all: true`) in from the waiting room. */
export const admitMessageSchema = z
  .object({ type: z.literal("admit"), participantId: participantIdSchema.optional(), all: z.literal(true).optional() })
  .refine((message) => (message.participantId === undefined) !== (message.all === undefined), {
    message: "admit takes either participantId or all: true",
    path: ["participantId"],
  });

/** Host only: turns someone in the waiting room away. */
export const denyMessageSchema = z.object({ type: z.literal("deny"), participantId: participantIdSchema });

/**
 * Every message a client may send. Add new ones here (one schema each) and to the reducer's switch in
 * lib/meeting, which stops type-checking until they are handled.
 */
export const clientMessageSchema = z.discriminatedUnion("type", [
  helloMessageSchema,
  pingMessageSchema,
  leaveMessageSchema,
  signalMessageSchema,
  chatSendMessageSchema,
  mediaMessageSchema,
  handMessageSchema,
  reactionSendMessageSchema,
  qualityMessageSchema,
  qualitySamplesMessageSchema,
  featureMessageSchema,
  muteMessageSchema,
  muteAllMessageSchema,
  askUnmuteMessageSchema,
  lowerHandsMessageSchema,
  stopShareMessageSchema,
  removeMessageSchema,
  endMessageSchema,
  lockMessageSchema,
  spotlightMessageSchema,
  setRoleMessageSchema,
  admitMessageSchema,
  denyMessageSchema,
  recordMessageSchema,
]);

export type HelloMessage = z.infer<typeof helloMessageSchema>;
export type PingMessage = z.infer<typeof pingMessageSchema>;
export type LeaveMessage = z.infer<typeof leaveMessageSchema>;
export type SignalMessage = z.infer<typeof signalMessageSchema>;
export type ChatSendMessage = z.infer<typeof chatSendMessageSchema>;
export type MediaMessage = z.infer<typeof mediaMessageSchema>;
export type HandMessage = z.infer<typeof handMessageSchema>;
export type ReactionSendMessage = z.infer<typeof reactionSendMessageSchema>;
export type QualityMessage = z.infer<typeof qualityMessageSchema>;
export type MuteMessage = z.infer<typeof muteMessageSchema>;
export type MuteAllMessage = z.infer<typeof muteAllMessageSchema>;
export type AskUnmuteMessage = z.infer<typeof askUnmuteMessageSchema>;
export type LowerHandsMessage = z.infer<typeof lowerHandsMessageSchema>;
export type StopShareMessage = z.infer<typeof stopShareMessageSchema>;
export type RemoveMessage = z.infer<typeof removeMessageSchema>;
export type EndMessage = z.infer<typeof endMessageSchema>;
export type LockMessage = z.infer<typeof lockMessageSchema>;
export type SpotlightMessage = z.infer<typeof spotlightMessageSchema>;
export type SetRoleMessage = z.infer<typeof setRoleMessageSchema>;
export type AdmitMessage = z.infer<typeof admitMessageSchema>;
export type DenyMessage = z.infer<typeof denyMessageSchema>;
export type RecordMessage = z.infer<typeof recordMessageSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ClientMessageType = ClientMessage["type"];

/** Messages only a participant with the matching host permission (lib/domain/meeting-permissions) may send. */
export type HostActionMessage =
  | MuteMessage
  | MuteAllMessage
  | AskUnmuteMessage
  | LowerHandsMessage
  | StopShareMessage
  | RemoveMessage
  | EndMessage | LockMessage | SpotlightMessage | SetRoleMessage | AdmitMessage | DenyMessage;
