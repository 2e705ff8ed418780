import { z } from "zod";
import { mediaPathSchema } from "../domain/media-path";
import { defaultRoomPolicy, roomPolicySchema } from "../domain/room-policy";
import { participantIdSchema } from "./ids";

/** A recording in progress: who records (their browser composes and uploads the file) and since when. */
export const activeRecordingSchema = z.object({
  /** The Recording row's id in the app; also the upload's id. */
  id: z.uuid(),
  /** The recorder's participant id and user id (the app lets only that user upload it). */
  by: participantIdSchema,
  userId: z.string().min(1).max(256),
  /** Epoch ms. */
  startedAt: z.number().int().nonnegative(),
  /** 1 for the meeting's first recording, then 2, 3… (a host may start again after a stop or a dropped recorder). */
  part: z.number().int().min(1).max(1000),
});
export type ActiveRecording = z.infer<typeof activeRecordingSchema>;

/** Meeting-wide settings only hosts change. */
export const roomSettingsSchema = z.object({
  /** New (non-resuming) participants other than hosts are refused while locked. */
  locked: z.boolean(),
  /** The participant every client shows on stage, or null for the clients' own choice (active speaker). */
  spotlight: participantIdSchema.nullable(),
  /**
   * The room's policy as the meeting enforces it (the newest one a join token brought), so clients can hide what
   * it forbids. Optional on the wire for servers that predate it.
   */
  policy: roomPolicySchema.default(defaultRoomPolicy),
  /** Everyone sees it (REC) and is told when it changes; null when nothing records. */
  recording: activeRecordingSchema.nullable().default(null),
  /**
   * How the meeting's media travels now; the room decides it from the head count (lib/domain/media-path.ts) and
   * clients move over make-before-break. Optional on the wire for servers that predate it.
   */
  mediaPath: mediaPathSchema.default("mesh"),
});
export type RoomSettings = z.infer<typeof roomSettingsSchema>;
