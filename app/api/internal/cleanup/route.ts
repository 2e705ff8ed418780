import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { serverEnv } from "@/lib/config/server-env";
import { errorResponse } from "@/lib/server/http/error-response";
import { requireBearerSecret } from "@/lib/server/http/require-bearer-secret";
import { expireRooms } from "@/lib/server/rooms/expire-rooms";

/**
 * The production cron hook for room expiry: `POST /api/internal/cleanup` with `Authorization: Bearer
 * $CLEANUP_SECRET` (no session; the proxy lets /api/internal/* through). Disabled (404) when the secret is unset.
 */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    requireBearerSecret(request.headers.get("authorization"), serverEnv().CLEANUP_SECRET, "Cleanup");
    return NextResponse.json(await expireRooms());
  } catch (error) {
    return errorResponse(error);
  }
}
