import { NextResponse } from "next/server";
import { MAX_RECORD_BATCH_BYTES, meetingRecordBatchSchema } from "@/lib/internal-api/meeting-records";
import { analyzeEndedMeetings } from "@/lib/server/analytics/analyze-ended-meetings";
import { errorResponse } from "@/lib/server/http/error-response";
import { readSignedBody } from "@/lib/server/http/read-signed-body";
import { recordMeetingEvents } from "@/lib/server/meetings/record-meeting-events";

/** PartyKit → Next.js: meeting facts for the Meeting, Participation, RoleChange and ChatMessage records. */
export async function POST(request: Request): Promise<Response> {
  try {
    const batch = await readSignedBody(request, meetingRecordBatchSchema, MAX_RECORD_BATCH_BYTES, "meeting record batch");
    const result = await recordMeetingEvents(batch);
    await analyzeEndedMeetings(result.endedMeetingIds);
    return NextResponse.json({ applied: result.applied });
  } catch (error) {
    return errorResponse(error);
  }
}
