import { z } from "zod";
import { meetingRoleSchema } from "./meeting-role";

/** One connection in the meeting: a person with two tabs open is two participants with the same userId. */
export const participantSchema = z.object({
  /** Connection id, assigned by the server; unique within the room. */
  id: z.string().min(1),
  userId: z.string().min(1),
  name: z.string(),
  role: meetingRoleSchema,
  /** Epoch milliseconds at which the server accepted the connection. */
  joinedAt: z.number().int().nonnegative(),
});
export type Participant = z.infer<typeof participantSchema>;
