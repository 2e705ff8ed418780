import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { serverEnv } from "@/lib/config/server-env";
import { errorResponse } from "@/lib/server/http/error-response";
import { requireBearerSecret } from "@/lib/server/http/require-bearer-secret";
import { expireRecordings } from "@/lib/server/recordings/expire-recordings";
import { finalizeIdleRecordings } from "@/lib/server/recordings/finalize-idle-recordings";

/**
 * The production cron hook for recordings: `POST /api/internal/cleanup/recordings` with `Authorization: Bearer
 * $CLEANUP_SECRET` finalizes uploads that went quiet (the app also does this by itself every 10 s while recordings
 * are open) and deletes recordings past their retention, blob then row. Disabled (404) when the secret is unset.
 */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    requireBearerSecret(request.headers.get("authorization"), serverEnv().CLEANUP_SECRET, "Cleanup");
    const finalized = await finalizeIdleRecordings();
    const expired = await expireRecordings();
    return NextResponse.json({ finalized, expired });
  } catch (error) {
    return errorResponse(error);
  }
}
