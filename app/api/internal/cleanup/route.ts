import { timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { serverEnv } from "@/lib/config/server-env";
import { AppError } from "@/lib/server/http/app-error";
import { errorResponse } from "@/lib/server/http/error-response";
import { expireRooms } from "@/lib/server/rooms/expire-rooms";

/**
 * The production cron hook for room expiry: `POST /api/internal/cleanup` with `Authorization: Bearer
 * $CLEANUP_SECRET` (no session; the proxy lets /api/internal/* through). Disabled (404) when the secret is unset.
 */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    const secret = serverEnv().CLEANUP_SECRET;
    if (!secret) throw new AppError("not_found", "Cleanup is not enabled.");
    if (!bearerMatches(request.headers.get("authorization"), secret)) throw new AppError("unauthorized", "Missing or invalid cleanup secret.");
    return NextResponse.json(await expireRooms());
  } catch (error) {
    return errorResponse(error);
  }
}

function bearerMatches(header: string | null, secret: string): boolean {
  if (!header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
