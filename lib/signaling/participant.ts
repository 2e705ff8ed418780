import { z } from "zod";
import { participantIdSchema } from "./ids";
import { meetingRoleSchema } from "./meeting-role";
import { participantQualitySchema } from "./quality";

/** What a participant says it sends; a receiver cannot reliably tell a muted track from a silent one. */
export const mediaStateSchema = z.object({
  audio: z.boolean(),
  video: z.boolean(),
  screen: z.boolean(),
});

export const handStateSchema = z.object({
  raised: z.boolean(),
  /** Epoch milliseconds at which the hand went up, so every client orders raised hands the same way. */
  raisedAt: z.number().int().nonnegative().optional(),
});

/** `reconnecting`: the signaling socket dropped; media between peers may still flow, and the seat is kept. */
export const connectionStatusSchema = z.enum(["connected", "reconnecting"]);

/** One person in the meeting: the same user in two tabs is two participants with the same userId. */
export const participantSchema = z.object({
  id: participantIdSchema,
  userId: z.string().min(1),
  name: z.string(),
  role: meetingRoleSchema,
  /** Epoch milliseconds at which the server first accepted this participant's hello. */
  joinedAt: z.number().int().nonnegative(),
  media: mediaStateSchema,
  hand: handStateSchema,
  /** Absent until the participant reports its connection quality. */
  quality: participantQualitySchema.optional(),
  connection: connectionStatusSchema,
});

export type MediaState = z.infer<typeof mediaStateSchema>;
export type HandState = z.infer<typeof handStateSchema>;
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;
export type Participant = z.infer<typeof participantSchema>;
