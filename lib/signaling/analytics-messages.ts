import { z } from "zod";
import { featureNameSchema, qualitySampleSchema } from "../internal-api/analytics-batch";

/**
 * Client → party analytics messages (issue 5). The party stamps meetingId and participantId from the socket (a
 * message never names its sender) and forwards them through party/app-outbox.ts to ANALYTICS_INGEST_PATH.
 */

/** Peers reported per message: a mesh call past this size is not supported anyway. */
export const MAX_PEERS_PER_SAMPLES_MESSAGE = 24;

/**
 * One peer connection's figures as the browser reports them: the ingest contract's sample without the ids the
 * party stamps from the socket. `at` is the browser clock, kept only when within the party's skew bound.
 */
export const peerQualitySampleSchema = qualitySampleSchema
  .omit({ meetingId: true, participantId: true, peerId: true })
  .extend({ peerId: z.string().min(1).max(128) });

export const qualitySamplesMessageSchema = z.object({
  type: z.literal("quality-samples"),
  samples: z.array(peerQualitySampleSchema).min(1).max(MAX_PEERS_PER_SAMPLES_MESSAGE),
});

export const featureMessageSchema = z.object({
  type: z.literal("feature"),
  feature: featureNameSchema,
  /** e.g. the layout chosen, "on"/"off" for blur and recording. */
  detail: z.string().max(64).nullable(),
});

export type PeerQualitySample = z.infer<typeof peerQualitySampleSchema>;
export type QualitySamplesMessage = z.infer<typeof qualitySamplesMessageSchema>;
export type FeatureMessage = z.infer<typeof featureMessageSchema>;
