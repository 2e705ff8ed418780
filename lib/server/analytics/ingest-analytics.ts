import "server-only";
import type { AnalyticsBatch } from "@/lib/internal-api/analytics-batch";
import { prisma } from "@/lib/db/prisma";
import { rollupMinutes } from "@/lib/domain/quality/rollup-minutes";

export type IngestResult = {
  duplicate: boolean;
  samples: number;
  features: number;
  /** Items whose meetingId has no Meeting row (not recorded yet, or deleted): skipped, not an error. */
  skippedUnknownMeeting: number;
};

const seconds = (ms: number[]) => ms.map((value) => value / 1000);

/**
 * Stores one analytics batch all-or-nothing: the IngestBatch row (its id makes a retried batch a no-op), raw
 * samples and feature events, and additive per-minute rollups. Bulk statements use unnest over column arrays:
 * one round trip per table whatever the batch size. Samples for meetings without a Meeting row are skipped
 * (the meeting-records route writes Meeting rows; a batch must not fail because one meeting is unknown).
 */
export async function ingestAnalytics(batch: AnalyticsBatch): Promise<IngestResult> {
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "IngestBatch" ("id", "kind", "items")
      VALUES (${batch.batchId}, 'analytics', ${batch.samples.length + batch.features.length})
      ON CONFLICT ("id") DO NOTHING`;
    if (inserted === 0) return { duplicate: true, samples: 0, features: 0, skippedUnknownMeeting: 0 };

    const meetingIds = [...new Set([...batch.samples, ...batch.features].map((item) => item.meetingId))];
    const known = new Set(
      (await tx.meeting.findMany({ where: { id: { in: meetingIds } }, select: { id: true } })).map((row) => row.id),
    );
    const samples = batch.samples.filter((sample) => known.has(sample.meetingId));
    const features = batch.features.filter((feature) => known.has(feature.meetingId));
    const skippedUnknownMeeting = batch.samples.length - samples.length + batch.features.length - features.length;

    if (samples.length > 0) {
      await tx.$executeRaw`
        INSERT INTO "QualitySample" ("meetingId", "participationId", "peerParticipationId", "at", "lossPct",
          "jitterMs", "rttMs", "bitrateInKbps", "bitrateOutKbps", "frameWidth", "frameHeight", "fps",
          "qualityLimitation", "codec", "candidateType", "score")
        SELECT m, p, pe, to_timestamp(a), l, j, r, bi, bo, fw, fh, f, ql, c, ct, s
        FROM unnest(
          ${samples.map((s) => s.meetingId)}::text[], ${samples.map((s) => s.participantId)}::text[],
          ${samples.map((s) => s.peerId)}::text[], ${seconds(samples.map((s) => s.at))}::float8[],
          ${samples.map((s) => s.lossPct)}::float8[], ${samples.map((s) => s.jitterMs)}::float8[],
          ${samples.map((s) => s.rttMs)}::float8[], ${samples.map((s) => s.bitrateInKbps)}::float8[],
          ${samples.map((s) => s.bitrateOutKbps)}::float8[], ${samples.map((s) => s.frameWidth)}::int4[],
          ${samples.map((s) => s.frameHeight)}::int4[], ${samples.map((s) => s.fps)}::float8[],
          ${samples.map((s) => s.qualityLimitation)}::text[], ${samples.map((s) => s.codec)}::text[],
          ${samples.map((s) => s.candidateType)}::text[], ${samples.map((s) => s.score)}::int4[]
        ) AS t(m, p, pe, a, l, j, r, bi, bo, fw, fh, f, ql, c, ct, s)`;

      const { participantMinutes: pm, meetingMinutes: mm } = rollupMinutes(samples);
      await tx.$executeRaw`
        INSERT INTO "ParticipantQualityMinute" AS t ("meetingId", "participationId", "minute", "samples",
          "poorSamples", "scoreSum", "lossPctSum", "lossPctMax", "jitterMsSum", "rttMsSum", "bitrateInKbpsSum",
          "bitrateOutKbpsSum", "fpsSum")
        SELECT m, p, to_timestamp(mi), n, po, sc, ls, lm, js, rs, bi, bo, fs
        FROM unnest(
          ${pm.map((r) => r.meetingId)}::text[], ${pm.map((r) => r.participantId)}::text[],
          ${seconds(pm.map((r) => r.minute))}::float8[], ${pm.map((r) => r.samples)}::int4[],
          ${pm.map((r) => r.poorSamples)}::int4[], ${pm.map((r) => r.scoreSum)}::int4[],
          ${pm.map((r) => r.lossPctSum)}::float8[], ${pm.map((r) => r.lossPctMax)}::float8[],
          ${pm.map((r) => r.jitterMsSum)}::float8[], ${pm.map((r) => r.rttMsSum)}::float8[],
          ${pm.map((r) => r.bitrateInKbpsSum)}::float8[], ${pm.map((r) => r.bitrateOutKbpsSum)}::float8[],
          ${pm.map((r) => r.fpsSum)}::float8[]
        ) AS x(m, p, mi, n, po, sc, ls, lm, js, rs, bi, bo, fs)
        ON CONFLICT ("participationId", "minute") DO UPDATE SET
          "samples" = t."samples" + excluded."samples",
          "poorSamples" = t."poorSamples" + excluded."poorSamples",
          "scoreSum" = t."scoreSum" + excluded."scoreSum",
          "lossPctSum" = t."lossPctSum" + excluded."lossPctSum",
          "lossPctMax" = GREATEST(t."lossPctMax", excluded."lossPctMax"),
          "jitterMsSum" = t."jitterMsSum" + excluded."jitterMsSum",
          "rttMsSum" = t."rttMsSum" + excluded."rttMsSum",
          "bitrateInKbpsSum" = t."bitrateInKbpsSum" + excluded."bitrateInKbpsSum",
          "bitrateOutKbpsSum" = t."bitrateOutKbpsSum" + excluded."bitrateOutKbpsSum",
          "fpsSum" = t."fpsSum" + excluded."fpsSum"`;
      // participants: a batch may hold only part of a minute's reporters; the max is a lower bound, exact when
      // one batch carries the whole minute (PartyKit flushes per room).
      await tx.$executeRaw`
        INSERT INTO "MeetingQualityMinute" AS t ("meetingId", "minute", "samples", "poorSamples", "scoreSum",
          "lossPctSum", "rttMsSum", "jitterMsSum", "participants")
        SELECT m, to_timestamp(mi), n, po, sc, ls, rs, js, pa
        FROM unnest(
          ${mm.map((r) => r.meetingId)}::text[], ${seconds(mm.map((r) => r.minute))}::float8[],
          ${mm.map((r) => r.samples)}::int4[], ${mm.map((r) => r.poorSamples)}::int4[],
          ${mm.map((r) => r.scoreSum)}::int4[], ${mm.map((r) => r.lossPctSum)}::float8[],
          ${mm.map((r) => r.rttMsSum)}::float8[], ${mm.map((r) => r.jitterMsSum)}::float8[],
          ${mm.map((r) => r.participants)}::int4[]
        ) AS x(m, mi, n, po, sc, ls, rs, js, pa)
        ON CONFLICT ("meetingId", "minute") DO UPDATE SET
          "samples" = t."samples" + excluded."samples",
          "poorSamples" = t."poorSamples" + excluded."poorSamples",
          "scoreSum" = t."scoreSum" + excluded."scoreSum",
          "lossPctSum" = t."lossPctSum" + excluded."lossPctSum",
          "rttMsSum" = t."rttMsSum" + excluded."rttMsSum",
          "jitterMsSum" = t."jitterMsSum" + excluded."jitterMsSum",
          "participants" = GREATEST(t."participants", excluded."participants")`;
    }

    if (features.length > 0) {
      await tx.$executeRaw`
        INSERT INTO "FeatureEvent" ("meetingId", "participationId", "at", "feature", "detail")
        SELECT m, p, to_timestamp(a), f, d
        FROM unnest(
          ${features.map((e) => e.meetingId)}::text[], ${features.map((e) => e.participantId)}::text[],
          ${seconds(features.map((e) => e.at))}::float8[], ${features.map((e) => e.feature)}::text[],
          ${features.map((e) => e.detail)}::text[]
        ) AS x(m, p, a, f, d)`;
    }
    return { duplicate: false, samples: samples.length, features: features.length, skippedUnknownMeeting };
  });
}
