import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { serverEnv } from "@/lib/config/server-env";
import { runAlerts } from "@/lib/server/alerts/run-alerts";
import { errorResponse } from "@/lib/server/http/error-response";
import { requireBearerSecret } from "@/lib/server/http/require-bearer-secret";

/**
 * Scheduler → Next.js: evaluate the alert rules now, then deliver pending webhooks when ALERT_WEBHOOK_URL is set
 * (with retries, so the answer may take seconds while a receiver fails). No user session (the proxy lets
 * /api/internal/* through); the caller proves itself with `Authorization: Bearer <ALERTS_SECRET>`. Disabled (404)
 * when the secret is unset. Takes no body.
 */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    requireBearerSecret(request.headers.get("authorization"), serverEnv().ALERTS_SECRET, "Alerts");
    return NextResponse.json(await runAlerts());
  } catch (error) {
    return errorResponse(error);
  }
}
