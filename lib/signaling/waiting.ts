import { z } from "zod";
import { participantIdSchema } from "./ids";
import { meetingRoleSchema } from "./meeting-role";

/** Someone in the waiting room, as hosts see them; `id` becomes their participant id once admitted. */
export const waitingParticipantSchema = z.object({
  id: participantIdSchema,
  userId: z.string().min(1),
  name: z.string(),
  /** The role they will have once admitted. */
  role: meetingRoleSchema,
  /** Epoch milliseconds (server clock) at which they started waiting. */
  since: z.number().int().nonnegative(),
});
export type WaitingParticipant = z.infer<typeof waitingParticipantSchema>;
