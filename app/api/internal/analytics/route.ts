import { NextResponse } from "next/server";
import { analyticsBatchSchema } from "@/lib/internal-api/analytics-batch";
import { analyzeEndedMeetings } from "@/lib/server/analytics/analyze-ended-meetings";
import { ingestAnalytics } from "@/lib/server/analytics/ingest-analytics";
import { errorResponse } from "@/lib/server/http/error-response";
import { readSignedBody } from "@/lib/server/http/read-signed-body";

/** 5,000 samples of at most ~450 bytes plus 1,000 feature events of ~250 bytes, with room to spare. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * PartyKit → Next.js: quality samples and feature events.
 * Answers `{ duplicate, samples, features, skippedUnknownMeeting }`; a replayed batchId is 200 `duplicate: true`.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const batch = await readSignedBody(request, analyticsBatchSchema, MAX_BODY_BYTES, "analytics batch");
    const result = await ingestAnalytics(batch);
    if (!result.duplicate && batch.samples.length > 0) {
      await analyzeEndedMeetings(batch.samples.map((sample) => sample.meetingId));
    }
    return NextResponse.json(result);
  } catch (error) {
    return errorResponse(error);
  }
}
