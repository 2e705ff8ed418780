import "server-only";
import { CSV_BOM, csvRows } from "./csv";
import { CONTENT_TYPES, exportFilename, streamChunks, type ExportFile, type ExportFormat } from "./export-stream";
import { loadExportMeeting, type ExportMeeting } from "./load-export-meeting";

export const PARTICIPANTS_CSV_HEADER = ["participant_id", "display_name", "role", "joined_at", "left_at", "leave_reason"] as const;

async function* csvChunks(meeting: ExportMeeting): AsyncGenerator<string, void, undefined> {
  yield CSV_BOM + csvRows([PARTICIPANTS_CSV_HEADER]);
  yield csvRows(meeting.participations.map((p) => [p.id, p.displayName, p.role, p.joinedAt, p.leftAt, p.leaveReason]));
}

async function* jsonChunks(meeting: ExportMeeting): AsyncGenerator<string, void, undefined> {
  yield `{"meetingId":${JSON.stringify(meeting.id)},"participants":[`;
  let first = true;
  for (const p of meeting.participations) {
    yield (first ? "\n" : ",\n") + JSON.stringify(p);
    first = false;
  }
  yield "\n]}\n";
}

/** One row per join of the meeting: who, in which role, when they joined and left, and why they left. */
export async function exportMeetingParticipants(meetingId: string, format: ExportFormat): Promise<ExportFile | null> {
  const meeting = await loadExportMeeting(meetingId);
  if (!meeting) return null;
  return {
    filename: exportFilename(meeting.title, meeting.startedAt, "participants", format),
    contentType: CONTENT_TYPES[format],
    body: streamChunks(format === "csv" ? csvChunks(meeting) : jsonChunks(meeting)),
  };
}
