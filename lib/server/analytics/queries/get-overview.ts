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
  const [perDay, totals, distribution, issues, features] = await Promise.all([
    prisma.$queryRaw<{ day: string; meetings: bigint }[]>`
      SELECT to_char(date_trunc('day', "startedAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*) AS meetings
      FROM "Meeting" WHERE "startedAt" >= ${from} AND "startedAt" < ${to}
      GROUP BY 1 ORDER BY 1`,
    prisma.$queryRaw<{ participant_minutes: bigint | null; samples: bigint | null; poor: bigint | null }[]>`
      SELECT sum("participants") AS participant_minutes, sum("samples") AS samples, sum("poorSamples") AS poor
      FROM "MeetingQualityMinute" WHERE "minute" >= ${from} AND "minute" < ${to}`,
    prisma.$queryRaw<{ score: number; minutes: bigint }[]>`
      SELECT round("scoreSum"::numeric / "samples")::int AS score, count(*) AS minutes
      FROM "MeetingQualityMinute" WHERE "minute" >= ${from} AND "minute" < ${to} AND "samples" > 0
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
  const t = totals[0];
  const samples = Number(t?.samples ?? 0);
  return {
    meetingsPerDay: perDay.map((r) => ({ day: r.day, meetings: Number(r.meetings) })),
    participantMinutes: Number(t?.participant_minutes ?? 0),
    scoreDistribution: distribution.map((r) => ({ score: r.score, minutes: Number(r.minutes) })),
    poorShare: samples === 0 ? 0 : Number(t?.poor ?? 0) / samples,
    topIssueKinds: issues.map((r) => ({ kind: r.kind, count: r._count._all })),
    featureUsage: features.map((r) => ({ feature: r.feature, events: Number(r.events), meetings: Number(r.meetings) })),
  };
}
