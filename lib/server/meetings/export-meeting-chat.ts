import "server-only";
import { prisma } from "@/lib/db/prisma";
import { CSV_BOM, csvRows } from "@/lib/server/analytics/exports/csv";
import { CONTENT_TYPES, exportFilename, keysetPages, streamChunks, type ExportFile, type ExportFormat } from "@/lib/server/analytics/exports/export-stream";
import { parseAttachments } from "./get-meeting-history";

export const CHAT_CSV_HEADER = ["seq", "sent_at", "author", "participant_id", "text", "attachments"] as const;
const PAGE_SIZE = 500;

type Row = { seq: number; sentAt: Date; authorName: string; participantId: string; text: string; attachments: unknown };

function pages(meetingId: string) {
  return keysetPages<Row, number>({
    pageSize: PAGE_SIZE,
    readPage: (after, take) =>
      prisma.chatMessage.findMany({
        where: { meetingId, ...(after === null ? {} : { seq: { gt: after } }) },
        orderBy: { seq: "asc" },
        take,
        select: { seq: true, sentAt: true, authorName: true, participantId: true, text: true, attachments: true },
      }),
    cursorOf: (row) => row.seq,
  });
}

async function* csvChunks(meetingId: string): AsyncGenerator<string, void, undefined> {
  yield CSV_BOM + csvRows([CHAT_CSV_HEADER]);
  for await (const rows of pages(meetingId)) {
    yield csvRows(
      rows.map((row) => [row.seq, row.sentAt, row.authorName, row.participantId, row.text, parseAttachments(row.attachments).map((file) => `${file.name} <${file.url}>`).join("; ")]),
    );
  }
}

async function* jsonChunks(meetingId: string): AsyncGenerator<string, void, undefined> {
  yield `{"meetingId":${JSON.stringify(meetingId)},"messages":[`;
  let first = true;
  for await (const rows of pages(meetingId)) {
    for (const { attachments, ...row } of rows) {
      yield (first ? "\n" : ",\n") + JSON.stringify({ ...row, attachments: parseAttachments(attachments) });
      first = false;
    }
  }
  yield "\n]}\n";
}

/** The meeting's chat in order: who wrote what when, with the files each message carried. */
export async function exportMeetingChat(meetingId: string, format: ExportFormat): Promise<ExportFile | null> {
  const meeting = await prisma.meeting.findUnique({ where: { id: meetingId }, select: { id: true, title: true, startedAt: true } });
  if (!meeting) return null;
  return {
    filename: exportFilename(meeting.title, meeting.startedAt, "chat", format),
    contentType: CONTENT_TYPES[format],
    body: streamChunks(format === "csv" ? csvChunks(meeting.id) : jsonChunks(meeting.id)),
  };
}
