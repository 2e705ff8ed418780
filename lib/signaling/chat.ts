import { z } from "zod";
import { participantIdSchema } from "./ids";

/** Markdown source; clients render it (without raw HTML). */
export const MAX_CHAT_TEXT_LENGTH = 4000;
export const MAX_ATTACHMENT_NAME_LENGTH = 255;
export const MAX_ATTACHMENT_URL_LENGTH = 512;
/** Files one message may carry (the composer sends more as several messages). */
export const MAX_CHAT_ATTACHMENTS = 10;

/**
 * Attachments are uploaded to the app and only linked from chat. Allowing nothing but paths under this prefix
 * (no scheme, no host, no `//`, no dot segments) keeps every link same-origin, so chat cannot point people at
 * another site or at another app route.
 */
export const ATTACHMENT_URL_PREFIX = "/api/files/";
const attachmentUrlPattern = /^\/api\/files(?:\/[A-Za-z0-9_-][A-Za-z0-9._~-]*)+$/;

export const chatAttachmentSchema = z.object({
  name: z.string().min(1).max(MAX_ATTACHMENT_NAME_LENGTH),
  /** Bytes. */
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  mimeType: z
    .string()
    .max(127)
    .regex(/^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/, "a MIME type such as image/png"),
  url: z
    .string()
    .max(MAX_ATTACHMENT_URL_LENGTH)
    .regex(attachmentUrlPattern, `a same-origin path under ${ATTACHMENT_URL_PREFIX}`),
});

/** A signed attachment ticket (lib/chat/attachment-ticket.ts) is far shorter; this bounds what the room verifies. */
export const MAX_ATTACHMENT_TICKET_LENGTH = 2048;

/** How a sender names a stored file in a message: the ticket the upload returned, nothing the room would trust. */
export const chatAttachmentTicketSchema = z.object({ ticket: z.string().min(1).max(MAX_ATTACHMENT_TICKET_LENGTH) });

export const chatTextSchema = z.string().max(MAX_CHAT_TEXT_LENGTH);

/** A chat message as the room keeps and broadcasts it. */
export const chatMessageSchema = z.object({
  /** Server-generated, unique within the meeting; clients use it to merge history after a reconnection. */
  id: z.string().min(1).max(64),
  /** The sender's participant id; it may have left since. */
  from: participantIdSchema,
  userId: z.string().min(1),
  /** The sender's display name when the message was sent. */
  name: z.string(),
  text: chatTextSchema,
  attachments: z.array(chatAttachmentSchema).min(1).max(MAX_CHAT_ATTACHMENTS).optional(),
  /** Epoch milliseconds, server clock. */
  sentAt: z.number().int().nonnegative(),
});

export type ChatAttachment = z.infer<typeof chatAttachmentSchema>;

/** What the upload route answers: the stored file and the ticket that lets its sharer post it in chat. */
export const storedChatFileSchema = chatAttachmentSchema.extend(chatAttachmentTicketSchema.shape);
export type StoredChatFile = z.infer<typeof storedChatFileSchema>;
export type ChatMessage = z.infer<typeof chatMessageSchema>;
