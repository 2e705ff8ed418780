import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { serverEnv } from "@/lib/config/server-env";
import { errorResponse } from "@/lib/server/http/error-response";
import { requireBearerSecret } from "@/lib/server/http/require-bearer-secret";
import { expireChatHistory } from "@/lib/server/meetings/expire-chat-history";

/**
 * The production cron hook for chat retention: `POST /api/internal/cleanup/chat` with `Authorization: Bearer
 * $CLEANUP_SECRET` removes the chat and files of meetings that ended more than CHAT_RETENTION_DAYS ago (unset:
 * nothing is removed). Disabled (404) when the secret is unset. Takes no body.
 */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    requireBearerSecret(request.headers.get("authorization"), serverEnv().CLEANUP_SECRET, "Cleanup");
    return NextResponse.json(await expireChatHistory());
  } catch (error) {
    return errorResponse(error);
  }
}
