import "server-only";
import { prisma } from "@/lib/db/prisma";

/**
 * The admin overview for [from, to). Reads only Meeting, the per-minute rollups, QualityIssue and FeatureEvent —
 * never raw QualitySample rows — so it stays fast with millions of samples (see bench/overview, docs/analytics.md).
 * Aggregation happens in SQL; only a handful of summary rows come back.
 */
export type OverviewRange = { from: Date; to: Date };

export type Overview = {
  meetingsPerDay: { day: string; meetings: number }[];
  /** Sum over minutes of distinct reporting participants, i.e. participant-minutes with quality data. */
  participantMinutes: number;
  /** Meeting-minutes bucketed by their average score (0 lost … 4 excellent). */
  scoreDistribution: { score: number; minutes: number }[];
  /** Share of participant samples (≈ time, samples are periodic) that were poor or lost. */
  poorShare: number;
  topIssueKinds: { kind: string; count: number }[];
  featureUsage: { feature: string; events: number; meetings: number }[];
};

export async function getOverview({ from, to }: OverviewRange): Promise<Overview> {
  const [perDay, minutes, issues, features] = await Promise.all([
    prisma.$queryRaw<{ day: string; meetings: bigint }[]>`
      SELECT to_char(date_trunc('day', "startedAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*) AS meetings
      FROM "Meeting" WHERE "startedAt" >= ${from} AND "startedAt" < ${to}
      GROUP BY 1 ORDER BY 1`,
    // One pass over the range's meeting-minutes gives both the score buckets and the totals (summed below): the
    // largest table this page reads (~40k rows for 10M samples a month, see docs/benchmarks.md), so it is read once.
    // The bucket is the average score rounded half up, in integer arithmetic ((2·sum + n) div 2n): the same as
    // numeric round() and several times cheaper per row. Minutes without samples (null bucket) count in the totals only.
    prisma.$queryRaw<{ score: number | null; minutes: bigint; participant_minutes: bigint; samples: bigint; poor: bigint }[]>`
      SELECT CASE WHEN "samples" > 0 THEN (2 * "scoreSum" + "samples") / (2 * "samples") END AS score, count(*) AS minutes,
        sum("participants") AS participant_minutes, sum("samples") AS samples, sum("poorSamples") AS poor
      FROM "MeetingQualityMinute" WHERE "minute" >= ${from} AND "minute" < ${to}
      GROUP BY 1 ORDER BY 1`,
    prisma.qualityIssue.groupBy({
      by: ["kind"],
      where: { startedAt: { gte: from, lt: to } },
      _count: { _all: true },
      orderBy: { _count: { kind: "desc" } },
      take: 5,
    }),
    prisma.$queryRaw<{ feature: string; events: bigint; meetings: bigint }[]>`
      SELECT "feature", count(*) AS events, count(DISTINCT "meetingId") AS meetings
      FROM "FeatureEvent" WHERE "at" >= ${from} AND "at" < ${to}
      GROUP BY 1 ORDER BY 2 DESC`,
  ]);
  const total = (pick: (r: (typeof minutes)[number]) => bigint) => minutes.reduce((sum, r) => sum + Number(pick(r)), 0);
  const samples = total((r) => r.samples);
  return {
    meetingsPerDay: perDay.map((r) => ({ day: r.day, meetings: Number(r.meetings) })),
    participantMinutes: total((r) => r.participant_minutes),
    scoreDistribution: minutes.flatMap((r) => (r.score === null ? [] : [{ score: r.score, minutes: Number(r.minutes) }])),
    poorShare: samples === 0 ? 0 : total((r) => r.poor) / samples,
    topIssueKinds: issues.map((r) => ({ kind: r.kind, count: r._count._all })),
    featureUsage: features.map((r) => ({ feature: r.feature, events: Number(r.events), meetings: Number(r.meetings) })),
  };
}
