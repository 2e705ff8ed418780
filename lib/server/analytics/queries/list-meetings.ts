import "server-only";
import { prisma } from "@/lib/db/prisma";
import { Prisma } from "@/lib/db/generated/client";

/**
 * Meetings in [from, to) for the admin list, one page at a time, with their quality summary from the per-minute
 * rollups (never raw samples). `sort: "worst"` puts the meeting with the lowest minute score first, so admins find
 * bad calls without paging; `withIssuesOnly` keeps meetings where analysis raised at least one QualityIssue;
 * `poorOnly` those with at least one degraded minute (most samples poor or lost, as the alert rules count it);
 * `host` those one of whose hosts' name or email contains it.
 */
export type ListMeetingsInput = {
  from: Date;
  to: Date;
  sort: "recent" | "worst";
  withIssuesOnly: boolean;
  poorOnly?: boolean;
  /** Part of a host's name or email, matched case-insensitively. */
  host?: string;
  page: number;
  pageSize: number;
};

export type MeetingListItem = {
  id: string;
  title: string;
  startedAt: Date;
  endedAt: Date | null;
  participants: number;
  /** Names of the people who held the host role, sorted. */
  hosts: string[];
  /** Average score over all samples, or null without quality data. */
  averageScore: number | null;
  /** Lowest per-minute average score, or null without quality data. */
  worstMinuteScore: number | null;
  poorShare: number | null;
  issues: number;
};

type Row = {
  id: string;
  title: string;
  startedAt: Date;
  endedAt: Date | null;
  participants: bigint;
  hosts: string[] | null;
  samples: bigint | null;
  poor: bigint | null;
  score_sum: bigint | null;
  worst: number | null;
  issues: bigint;
  total: bigint;
};

export async function listMeetings(input: ListMeetingsInput): Promise<{ meetings: MeetingListItem[]; total: number }> {
  const order =
    input.sort === "worst"
      ? Prisma.sql`ORDER BY q.worst ASC NULLS LAST, issues DESC, m."startedAt" DESC`
      : Prisma.sql`ORDER BY m."startedAt" DESC`;
  const issuesFilter = input.withIssuesOnly
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "QualityIssue" i WHERE i."meetingId" = m.id)`
    : Prisma.empty;
  const poorFilter = input.poorOnly
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "MeetingQualityMinute" mm WHERE mm."meetingId" = m.id AND mm."poorSamples" * 2 > mm."samples")`
    : Prisma.empty;
  const hostFilter = input.host
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Participation" hp JOIN "User" hu ON hu.id = hp."userId"
        WHERE hp."meetingId" = m.id AND hp.role = 'HOST'
          AND (hu.name ILIKE ${`%${escapeLike(input.host)}%`} OR hu.email ILIKE ${`%${escapeLike(input.host)}%`}))`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT m.id, m.title, m."startedAt", m."endedAt",
      (SELECT count(*) FROM "Participation" p WHERE p."meetingId" = m.id) AS participants,
      (SELECT array_agg(DISTINCT p."displayName" ORDER BY p."displayName") FROM "Participation" p
        WHERE p."meetingId" = m.id AND p.role = 'HOST') AS hosts,
      q.samples, q.poor, q.score_sum, q.worst,
      (SELECT count(*) FROM "QualityIssue" i WHERE i."meetingId" = m.id) AS issues,
      count(*) OVER () AS total
    FROM "Meeting" m
    LEFT JOIN LATERAL (
      SELECT sum("samples") AS samples, sum("poorSamples") AS poor, sum("scoreSum") AS score_sum,
        min("scoreSum"::float8 / NULLIF("samples", 0)) AS worst
      FROM "MeetingQualityMinute" WHERE "meetingId" = m.id
    ) q ON true
    WHERE m."startedAt" >= ${input.from} AND m."startedAt" < ${input.to} ${issuesFilter} ${poorFilter} ${hostFilter}
    ${order}
    LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`;
  return {
    total: Number(rows[0]?.total ?? 0),
    meetings: rows.map((r) => {
      const samples = Number(r.samples ?? 0);
      return {
        id: r.id,
        title: r.title,
        startedAt: r.startedAt,
        endedAt: r.endedAt,
        participants: Number(r.participants),
        hosts: r.hosts ?? [],
        averageScore: samples > 0 ? Number(r.score_sum ?? 0) / samples : null,
        worstMinuteScore: r.worst === null ? null : Number(r.worst),
        poorShare: samples > 0 ? Number(r.poor ?? 0) / samples : null,
        issues: Number(r.issues),
      };
    }),
  };
}

/** `%` and `_` in what someone typed match themselves, not any text. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
