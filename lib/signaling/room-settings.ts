import { z } from "zod";
import { participantIdSchema } from "./ids";

/** Meeting-wide settings only hosts change. */
export const roomSettingsSchema = z.object({
  /** New (non-resuming) participants other than hosts are refused while locked. */
  locked: z.boolean(),
  /** The participant every client shows on stage, or null for the clients' own choice (active speaker). */
  spotlight: participantIdSchema.nullable(),
});
export type RoomSettings = z.infer<typeof roomSettingsSchema>;
