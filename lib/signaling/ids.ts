import { z } from "zod";

/**
 * A participant's id: server-generated when the person first joins and kept across reconnections, so peers can key
 * their RTCPeerConnections by it. Bounded because clients echo ids back as message targets.
 */
export const participantIdSchema = z.string().min(1).max(64);
export type ParticipantId = z.infer<typeof participantIdSchema>;
