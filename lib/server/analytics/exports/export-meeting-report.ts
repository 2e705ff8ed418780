import "server-only";
import { prisma } from "@/lib/db/prisma";
import { CSV_BOM, csvRows } from "./csv";
import { CONTENT_TYPES, exportFilename, keysetPages, streamChunks, type ExportFile, type ExportFormat } from "./export-stream";
import { loadExportMeeting, participantNames, type ExportMeeting } from "./load-export-meeting";

/**
 * The post-call report as a download. JSON: the whole report in one document — meeting summary, participants,
 * issues with affected people, suspected cause and evidence. CSV: the issues table, one row per issue (a
 * spreadsheet wants one table per file; participants have their own export, see export-meeting-participants.ts).
 * Issues are read in keyset pages like samples, so even a pathological meeting never sits in memory whole.
 */
const ISSUE_PAGE_SIZE = 1_000;

export const ISSUES_CSV_HEADER = [
  "issue_id",
  "kind",
  "severity",
  "started_at",
  "ended_at",
  "duration_s",
  "affected",
  "affected_ids",
  "suspected_cause",
  "cause",
  "cause_id",
  "evidence",
] as const;

const issueSelect = {
  id: true,
  kind: true,
  severity: true,
  startedAt: true,
  endedAt: true,
  affectedIds: true,
  suspectedCause: true,
  causeParticipationId: true,
  evidence: true,
} as const;

type IssueRow = Awaited<ReturnType<typeof readIssuePage>>[number];

function readIssuePage(meetingId: string, after: { startedAt: Date; id: string } | null, take: number) {
  return prisma.qualityIssue.findMany({
    where: after
      ? // (startedAt, id) > cursor, with the redundant `startedAt >=` so the [meetingId, startedAt] index bounds the scan.
        { meetingId, startedAt: { gte: after.startedAt }, OR: [{ startedAt: { gt: after.startedAt } }, { id: { gt: after.id } }] }
      : { meetingId },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    take,
    select: issueSelect,
  });
}

function issuePages(meetingId: string) {
  return keysetPages({
    pageSize: ISSUE_PAGE_SIZE,
    readPage: (after: { startedAt: Date; id: string } | null, take) => readIssuePage(meetingId, after, take),
    cursorOf: (issue: IssueRow) => ({ startedAt: issue.startedAt, id: issue.id }),
  });
}

const durationSeconds = (from: Date, to: Date | null) => (to ? Math.round((to.getTime() - from.getTime()) / 1000) : null);

async function* csvChunks(meeting: ExportMeeting): AsyncGenerator<string, void, undefined> {
  const names = participantNames(meeting);
  yield CSV_BOM + csvRows([ISSUES_CSV_HEADER]);
  for await (const page of issuePages(meeting.id)) {
    yield csvRows(
      page.map((issue) => [
        issue.id,
        issue.kind,
        issue.severity,
        issue.startedAt,
        issue.endedAt,
        durationSeconds(issue.startedAt, issue.endedAt),
        issue.affectedIds.map((id) => names.get(id) ?? id).join("; "),
        issue.affectedIds.join("; "),
        issue.suspectedCause,
        issue.causeParticipationId ? (names.get(issue.causeParticipationId) ?? issue.causeParticipationId) : null,
        issue.causeParticipationId,
        JSON.stringify(issue.evidence),
      ]),
    );
  }
}

async function* jsonChunks(meeting: ExportMeeting): AsyncGenerator<string, void, undefined> {
  const names = participantNames(meeting);
  const person = (id: string) => ({ participantId: id, displayName: names.get(id) ?? null });
  const summary = {
    id: meeting.id,
    title: meeting.title,
    startedAt: meeting.startedAt,
    endedAt: meeting.endedAt,
    endReason: meeting.endReason,
    durationSeconds: durationSeconds(meeting.startedAt, meeting.endedAt),
    participantCount: meeting.participations.length,
  };
  yield `{"meeting":${JSON.stringify(summary)},\n"participants":[`;
  yield meeting.participations.map((p) => "\n" + JSON.stringify(p)).join(",");
  yield `\n],\n"issues":[`;
  let first = true;
  for await (const page of issuePages(meeting.id)) {
    const items = page.map((issue) =>
      JSON.stringify({
        id: issue.id,
        kind: issue.kind,
        severity: issue.severity,
        startedAt: issue.startedAt,
        endedAt: issue.endedAt,
        durationSeconds: durationSeconds(issue.startedAt, issue.endedAt),
        affected: issue.affectedIds.map(person),
        suspectedCause: issue.suspectedCause,
        cause: issue.causeParticipationId ? person(issue.causeParticipationId) : null,
        evidence: issue.evidence,
      }),
    );
    yield (first ? "\n" : ",\n") + items.join(",\n");
    first = false;
  }
  yield "\n]}\n";
}

export async function exportMeetingReport(meetingId: string, format: ExportFormat): Promise<ExportFile | null> {
  const meeting = await loadExportMeeting(meetingId);
  if (!meeting) return null;
  return {
    filename: exportFilename(meeting.title, meeting.startedAt, format === "csv" ? "issues" : "report", format),
    contentType: CONTENT_TYPES[format],
    body: streamChunks(format === "csv" ? csvChunks(meeting) : jsonChunks(meeting)),
  };
}
