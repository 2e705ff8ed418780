import { NextResponse } from "next/server";
import { MAX_RECORD_BATCH_BYTES, meetingRecordBatchSchema } from "@/lib/internal-api/meeting-records";
import { analyzeEndedMeetings } from "@/lib/server/analytics/analyze-ended-meetings";
import { errorResponse } from "@/lib/server/http/error-response";
import { readSignedBody } from "@/lib/server/http/read-signed-body";
import { recordMeetingEvents } from "@/lib/server/meetings/record-meeting-events";
import { finalizeRecording } from "@/lib/server/recordings/finalize-recording";
import { kickRecordingSweep } from "@/lib/server/recordings/recording-sweep";

/** PartyKit → Next.js: meeting facts for the Meeting, Participation, RoleChange, ChatMessage and Recording records. */
export async function POST(request: Request): Promise<Response> {
  try {
    const batch = await readSignedBody(request, meetingRecordBatchSchema, MAX_RECORD_BATCH_BYTES, "meeting record batch");
    const result = await recordMeetingEvents(batch);
    await analyzeEndedMeetings(result.endedMeetingIds);
    // Stopped with every byte in: finalize after answering (PartyKit need not wait); the rest waits for the sweep.
    for (const id of result.finishedRecordingIds) void finalizeRecording(id).catch((error) => console.error(`Could not finalize recording ${id}`, error));
    kickRecordingSweep();
    return NextResponse.json({ applied: result.applied });
  } catch (error) {
    return errorResponse(error);
  }
}
