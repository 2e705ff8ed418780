import { z } from "zod";
import { chatAttachmentSchema, chatTextSchema } from "./chat";
import { participantIdSchema } from "./ids";
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
    attachment: chatAttachmentSchema.optional(),
  })
  .refine((message) => message.text.trim().length > 0 || message.attachment !== undefined, {
    message: "a chat message needs text or an attachment",
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

/** Host only: removes the target from the meeting; its seat cannot be resumed. */
export const removeMessageSchema = z.object({ type: z.literal("remove"), participantId: participantIdSchema });

/** Host only: ends the meeting for everyone and clears its state. */
export const endMessageSchema = z.object({ type: z.literal("end") });

/** Host only. */
export const lockMessageSchema = z.object({ type: z.literal("lock"), locked: z.boolean() });

/** Host only: `null` clears the spotlight. */
export const spotlightMessageSchema = z.object({ type: z.literal("spotlight"), participantId: participantIdSchema.nullable() });

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
  muteMessageSchema,
  removeMessageSchema,
  endMessageSchema,
  lockMessageSchema,
  spotlightMessageSchema,
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
export type RemoveMessage = z.infer<typeof removeMessageSchema>;
export type EndMessage = z.infer<typeof endMessageSchema>;
export type LockMessage = z.infer<typeof lockMessageSchema>;
export type SpotlightMessage = z.infer<typeof spotlightMessageSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ClientMessageType = ClientMessage["type"];

/** Messages only a participant with the `host` meeting role may send. */
export type HostActionMessage = MuteMessage | RemoveMessage | EndMessage | LockMessage | SpotlightMessage;
