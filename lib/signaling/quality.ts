import { z } from "zod";

export const qualityLevelSchema = z.enum(["excellent", "good", "poor", "lost"]);

/** A figure the browser may not know yet (first stats sample, no such stream) is `null`. */
const measurement = (max: number) => z.number().min(0).max(max).nullable();

/** A participant's own view of its media connections, summarised; bounds reject nonsense, not bad networks. */
export const qualitySummarySchema = z.object({
  lossPct: measurement(100),
  rttMs: measurement(60_000),
  jitterMs: measurement(60_000),
  bitrateInKbps: measurement(10_000_000),
  bitrateOutKbps: measurement(10_000_000),
});

export const participantQualitySchema = z.object({
  level: qualityLevelSchema,
  summary: qualitySummarySchema,
});

export type QualityLevel = z.infer<typeof qualityLevelSchema>;
export type QualitySummary = z.infer<typeof qualitySummarySchema>;
export type ParticipantQuality = z.infer<typeof participantQualitySchema>;
