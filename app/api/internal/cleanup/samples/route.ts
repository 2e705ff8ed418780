import { timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { serverEnv } from "@/lib/config/server-env";
import { pruneSamples } from "@/lib/server/analytics/prune-samples";
import { AppError } from "@/lib/server/http/app-error";
import { errorResponse } from "@/lib/server/http/error-response";

/**
 * The production cron hook for raw-sample retention: `POST /api/internal/cleanup/samples` with `Authorization:
 * Bearer $CLEANUP_SECRET` deletes QualitySample rows older than ANALYTICS_RAW_RETENTION_DAYS (rollups and issues
 * stay). Its own route, not part of /api/internal/cleanup, so a slow prune never delays room expiry and either job
 * can run on its own schedule. Disabled (404) when the secret is unset. Takes no body.
 */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    const secret = serverEnv().CLEANUP_SECRET;
    if (!secret) throw new AppError("not_found", "Cleanup is not enabled.");
    if (!bearerMatches(request.headers.get("authorization"), secret)) throw new AppError("unauthorized", "Missing or invalid cleanup secret.");
    const { deleted } = await pruneSamples();
    return NextResponse.json({ deleted, retentionDays: serverEnv().ANALYTICS_RAW_RETENTION_DAYS });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Constant-time comparison so the secret cannot be guessed byte by byte from response timing. */
function bearerMatches(header: string | null, secret: string): boolean {
  if (!header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
