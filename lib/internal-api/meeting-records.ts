import { z } from "zod";
import { chatAttachmentSchema, chatTextSchema, MAX_CHAT_ATTACHMENTS } from "../signaling/chat";
import { meetingRoleSchema } from "../signaling/meeting-role";

/** PartyKit → Next.js: what happened in a meeting, for the Meeting and Participation records. */
export const MEETING_RECORDS_PATH = "/api/internal/meeting-records";

const id = z.string().min(1).max(128);
/** Epoch milliseconds. */
const at = z.number().int().nonnegative();

export const meetingRecordEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("meeting-started"), eventId: id, meetingId: id, at, title: z.string().max(200).optional() }),
  z.object({
    type: z.literal("participant-joined"),
    eventId: id,
    meetingId: id,
    participantId: id,
    userId: id,
    name: z.string().max(200),
    role: meetingRoleSchema,
    /** The host's participant id when admitted from the waiting room. */
    admittedBy: id.nullable(),
    at,
  }),
  z.object({
    type: z.literal("role-changed"),
    eventId: id,
    meetingId: id,
    participantId: id,
    from: meetingRoleSchema,
    to: meetingRoleSchema,
    by: id.nullable(),
    at,
  }),
  z.object({
    type: z.literal("participant-left"),
    eventId: id,
    meetingId: id,
    participantId: id,
    reason: z.enum(["left", "removed", "timeout", "ended", "closed"]),
    at,
  }),
  z.object({
    type: z.literal("chat-posted"),
    eventId: id,
    meetingId: id,
    messageId: id,
    seq: z.number().int().nonnegative(),
    participantId: id,
    userId: id,
    name: z.string().max(200),
    text: chatTextSchema,
    attachments: z.array(chatAttachmentSchema).max(MAX_CHAT_ATTACHMENTS).optional(),
    at,
  }),
  z.object({
    type: z.literal("recording-started"),
    eventId: id,
    meetingId: id,
    recordingId: z.uuid(),
    part: z.number().int().min(1).max(1000),
    /** The recorder. */
    participantId: id,
    userId: id,
    at,
  }),
  z.object({
    type: z.literal("recording-stopped"),
    eventId: id,
    meetingId: id,
    recordingId: z.uuid(),
    /** stopped: a host stopped it; recorder-left: the recorder's seat was dropped; ended: the meeting ended. */
    reason: z.enum(["stopped", "recorder-left", "ended", "policy"]),
    /** The host who stopped it, when one did. */
    by: id.nullable(),
    at,
  }),
  z.object({ type: z.literal("meeting-ended"), eventId: id, meetingId: id, reason: z.enum(["empty", "ended-by-host", "closed"]), at }),
]);
export type MeetingRecordEvent = z.infer<typeof meetingRecordEventSchema>;

export const MAX_RECORD_EVENTS_PER_BATCH = 500;
/** The route's body limit; PartyKit's outbox fills batches to half of it (chat messages vary in size). */
export const MAX_RECORD_BATCH_BYTES = 512 * 1024;

export const meetingRecordBatchSchema = z.object({
  /** Unique per batch: a retried batch carries the same id and is applied once. */
  batchId: z.uuid(),
  /** The PartyKit room id, which is the Room id. */
  roomId: id,
  events: z.array(meetingRecordEventSchema).min(1).max(MAX_RECORD_EVENTS_PER_BATCH),
});
export type MeetingRecordBatch = z.infer<typeof meetingRecordBatchSchema>;
