import { z } from "zod";
import { defaultRoomPolicy, roomPolicySchema } from "../domain/room-policy";
import { participantIdSchema } from "./ids";

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
});
export type RoomSettings = z.infer<typeof roomSettingsSchema>;
