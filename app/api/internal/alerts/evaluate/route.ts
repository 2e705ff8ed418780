import { timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { serverEnv } from "@/lib/config/server-env";
import { runAlerts } from "@/lib/server/alerts/run-alerts";
import { AppError } from "@/lib/server/http/app-error";
import { errorResponse } from "@/lib/server/http/error-response";

/** Constant-time comparison so the secret cannot be guessed byte by byte from response timing. */
function bearerMatches(header: string | null, secret: string): boolean {
  const given = Buffer.from(header?.startsWith("Bearer ") ? header.slice(7) : "");
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Scheduler → Next.js: evaluate the alert rules now, then deliver pending webhooks when ALERT_WEBHOOK_URL is set
 * (with retries, so the answer may take seconds while a receiver fails). No user session (the proxy lets
 * /api/internal/* through); the caller proves itself with `Authorization: Bearer <ALERTS_SECRET>`. Takes no body.
 */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    const secret = serverEnv().ALERTS_SECRET;
    if (!secret || !bearerMatches(request.headers.get("authorization"), secret)) {
      throw new AppError("unauthorized", "Missing or invalid bearer token.");
    }
    return NextResponse.json(await runAlerts());
  } catch (error) {
    return errorResponse(error);
  }
}
