import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { serverEnv } from "@/lib/config/server-env";
import { pruneSamples } from "@/lib/server/analytics/prune-samples";
import { errorResponse } from "@/lib/server/http/error-response";
import { requireBearerSecret } from "@/lib/server/http/require-bearer-secret";

/**
 * The production cron hook for raw-sample retention: `POST /api/internal/cleanup/samples` with `Authorization:
 * Bearer $CLEANUP_SECRET` deletes QualitySample rows older than ANALYTICS_RAW_RETENTION_DAYS (rollups and issues
 * stay). Its own route, not part of /api/internal/cleanup, so a slow prune never delays room expiry and either job
 * can run on its own schedule. Disabled (404) when the secret is unset. Takes no body.
 */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    requireBearerSecret(request.headers.get("authorization"), serverEnv().CLEANUP_SECRET, "Cleanup");
    const { deleted } = await pruneSamples();
    return NextResponse.json({ deleted, retentionDays: serverEnv().ANALYTICS_RAW_RETENTION_DAYS });
  } catch (error) {
    return errorResponse(error);
  }
}
