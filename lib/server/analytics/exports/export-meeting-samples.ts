import "server-only";
import { prisma } from "@/lib/db/prisma";
import { CSV_BOM, csvRows } from "./csv";
import { CONTENT_TYPES, exportFilename, keysetPages, streamChunks, type ExportFile, type ExportFormat } from "./export-stream";
import { loadExportMeeting, participantNames, type ExportMeeting } from "./load-export-meeting";

/**
 * A meeting's raw quality samples (one reporter's view of one peer per 5 s) as CSV or as a JSON array written
 * element by element. A long meeting has hundreds of thousands of rows, so they are read in keyset pages of
 * SAMPLE_PAGE_SIZE in (at, id) order — chronological, id breaking ties between samples taken at the same
 * instant — and each page is written out before the next is read (see streamChunks).
 */
export const SAMPLE_PAGE_SIZE = 5_000;

export const SAMPLES_CSV_HEADER = [
  "sample_id",
  "at",
  "reporter_id",
  "reporter_name",
  "peer_id",
  "peer_name",
  "score",
  "loss_pct",
  "jitter_ms",
  "rtt_ms",
  "bitrate_in_kbps",
  "bitrate_out_kbps",
  "frame_width",
  "frame_height",
  "fps",
  "quality_limitation",
  "codec",
  "candidate_type",
] as const;

const sampleSelect = {
  id: true,
  at: true,
  participationId: true,
  peerParticipationId: true,
  score: true,
  lossPct: true,
  jitterMs: true,
  rttMs: true,
  bitrateInKbps: true,
  bitrateOutKbps: true,
  frameWidth: true,
  frameHeight: true,
  fps: true,
  qualityLimitation: true,
  codec: true,
  candidateType: true,
} as const;

type Cursor = { at: Date; id: bigint };
type SampleRow = Awaited<ReturnType<typeof readSamplePage>>[number];

function readSamplePage(meetingId: string, after: Cursor | null, take: number) {
  return prisma.qualitySample.findMany({
    where: after
      ? // (at, id) > cursor, plus the redundant `at >=` so the [meetingId, at] index bounds every page's scan.
        { meetingId, at: { gte: after.at }, OR: [{ at: { gt: after.at } }, { id: { gt: after.id } }] }
      : { meetingId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    take,
    select: sampleSelect,
  });
}

function samplePages(meetingId: string) {
  return keysetPages({
    pageSize: SAMPLE_PAGE_SIZE,
    readPage: (after: Cursor | null, take) => readSamplePage(meetingId, after, take),
    cursorOf: (sample: SampleRow): Cursor => ({ at: sample.at, id: sample.id }),
  });
}

async function* csvChunks(meeting: ExportMeeting): AsyncGenerator<string, void, undefined> {
  const names = participantNames(meeting);
  yield CSV_BOM + csvRows([SAMPLES_CSV_HEADER]);
  for await (const page of samplePages(meeting.id)) {
    yield csvRows(
      page.map((s) => [
        s.id.toString(),
        s.at,
        s.participationId,
        names.get(s.participationId) ?? null,
        s.peerParticipationId,
        s.peerParticipationId ? (names.get(s.peerParticipationId) ?? null) : null,
        s.score,
        s.lossPct,
        s.jitterMs,
        s.rttMs,
        s.bitrateInKbps,
        s.bitrateOutKbps,
        s.frameWidth,
        s.frameHeight,
        s.fps,
        s.qualityLimitation,
        s.codec,
        s.candidateType,
      ]),
    );
  }
}

async function* jsonChunks(meetingId: string): AsyncGenerator<string, void, undefined> {
  yield "[";
  let first = true;
  for await (const page of samplePages(meetingId)) {
    // Sample ids are 64-bit: a string, because JSON numbers lose precision past 2^53 in most readers.
    const items = page.map((s) => JSON.stringify({ ...s, id: s.id.toString() }));
    yield (first ? "\n" : ",\n") + items.join(",\n");
    first = false;
  }
  yield "\n]\n";
}

export async function exportMeetingSamples(meetingId: string, format: ExportFormat): Promise<ExportFile | null> {
  const meeting = await loadExportMeeting(meetingId);
  if (!meeting) return null;
  return {
    filename: exportFilename(meeting.title, meeting.startedAt, "samples", format),
    contentType: CONTENT_TYPES[format],
    body: streamChunks(format === "csv" ? csvChunks(meeting) : jsonChunks(meeting.id)),
  };
}
