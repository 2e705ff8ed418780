import { NextResponse } from "next/server";
import { meetingRecordBatchSchema } from "@/lib/internal-api/meeting-records";
import { analyzeEndedMeetings } from "@/lib/server/analytics/analyze-ended-meetings";
import { errorResponse } from "@/lib/server/http/error-response";
import { readSignedBody } from "@/lib/server/http/read-signed-body";
import { recordMeetingEvents } from "@/lib/server/meetings/record-meeting-events";

/** 500 events of at most ~600 bytes each, with room to spare. */
const MAX_BODY_BYTES = 512 * 1024;

/** PartyKit → Next.js: meeting facts for the Meeting, Participation and RoleChange records. */
export async function POST(request: Request): Promise<Response> {
  try {
    const batch = await readSignedBody(request, meetingRecordBatchSchema, MAX_BODY_BYTES, "meeting record batch");
    const result = await recordMeetingEvents(batch);
    await analyzeEndedMeetings(result.endedMeetingIds);
    return NextResponse.json({ applied: result.applied });
  } catch (error) {
    return errorResponse(error);
  }
}
