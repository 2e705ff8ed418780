import { z } from "zod";

/** PartyKit → Next.js: quality samples and feature-usage events, batched. */
export const ANALYTICS_INGEST_PATH = "/api/internal/analytics";

const id = z.string().min(1).max(128);
const at = z.number().int().nonnegative();
const figure = (max: number) => z.number().min(0).max(max).nullable();

/** One participant's view of one peer connection over the last interval (see lib/rtc stats sampler). */
export const qualitySampleSchema = z.object({
  meetingId: id,
  /** Who measured. */
  participantId: id,
  /** The remote end of this peer connection; null for a summary over all peers. */
  peerId: id.nullable(),
  at,
  lossPct: figure(100),
  jitterMs: figure(60_000),
  rttMs: figure(60_000),
  bitrateInKbps: figure(10_000_000),
  bitrateOutKbps: figure(10_000_000),
  frameWidth: z.number().int().min(0).max(16_384).nullable(),
  frameHeight: z.number().int().min(0).max(16_384).nullable(),
  fps: figure(1000),
  qualityLimitation: z.enum(["none", "bandwidth", "cpu", "other"]).nullable(),
  codec: z.string().max(64).nullable(),
  candidateType: z.enum(["host", "srflx", "prflx", "relay"]).nullable(),
  /** 0 lost, 1 poor, 2 good, 3 excellent. */
  score: z.number().int().min(0).max(3),
});
export type QualitySampleInput = z.infer<typeof qualitySampleSchema>;

export const featureNameSchema = z.enum([
  "mute",
  "unmute",
  "camera-on",
  "camera-off",
  "screen-share",
  "chat",
  "hand",
  "reaction",
  "layout",
  "blur",
  "background",
  "low-light",
  "noise-suppression",
  "recording",
]);

export const featureEventSchema = z.object({
  meetingId: id,
  participantId: id,
  at,
  feature: featureNameSchema,
  detail: z.string().max(64).nullable(),
});
export type FeatureEventInput = z.infer<typeof featureEventSchema>;

export const MAX_SAMPLES_PER_BATCH = 5000;
export const MAX_FEATURE_EVENTS_PER_BATCH = 1000;

export const analyticsBatchSchema = z
  .object({
    batchId: z.uuid(),
    samples: z.array(qualitySampleSchema).max(MAX_SAMPLES_PER_BATCH),
    features: z.array(featureEventSchema).max(MAX_FEATURE_EVENTS_PER_BATCH),
  })
  .refine((batch) => batch.samples.length + batch.features.length > 0, { message: "a batch needs samples or features" });
export type AnalyticsBatch = z.infer<typeof analyticsBatchSchema>;
