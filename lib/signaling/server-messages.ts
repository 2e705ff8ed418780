import { z } from "zod";
import { participantSchema } from "./participant";

export const welcomeMessageSchema = z.object({
  type: z.literal("welcome"),
  v: z.number().int().positive(),
  self: participantSchema,
  /** Everyone in the meeting, the recipient included, in connection order. */
  participants: z.array(participantSchema),
});

export const participantJoinedMessageSchema = z.object({
  type: z.literal("participant-joined"),
  participant: participantSchema,
});

export const participantLeftMessageSchema = z.object({
  type: z.literal("participant-left"),
  participantId: z.string().min(1),
});

export const pongMessageSchema = z.object({ type: z.literal("pong") });

export const errorCodeSchema = z.enum([
  /** Not JSON, not an object, a binary frame, or fields that do not match the message's schema. */
  "invalid_message",
  "message_too_large",
  /** A `type` this protocol version does not know; the connection stays usable. */
  "unknown_type",
  "unsupported_version",
  "already_joined",
  /** Sent once when a connection starts being throttled; further dropped messages are not acknowledged. */
  "rate_limited",
]);

export const errorMessageSchema = z.object({
  type: z.literal("error"),
  code: errorCodeSchema,
  message: z.string(),
});

export const serverMessageSchema = z.discriminatedUnion("type", [
  welcomeMessageSchema,
  participantJoinedMessageSchema,
  participantLeftMessageSchema,
  pongMessageSchema,
  errorMessageSchema,
]);

export type WelcomeMessage = z.infer<typeof welcomeMessageSchema>;
export type ParticipantJoinedMessage = z.infer<typeof participantJoinedMessageSchema>;
export type ParticipantLeftMessage = z.infer<typeof participantLeftMessageSchema>;
export type PongMessage = z.infer<typeof pongMessageSchema>;
export type ErrorCode = z.infer<typeof errorCodeSchema>;
export type ErrorMessage = z.infer<typeof errorMessageSchema>;
export type ServerMessage = z.infer<typeof serverMessageSchema>;

export function errorMessage(code: ErrorCode, message: string): ErrorMessage {
  return { type: "error", code, message };
}
