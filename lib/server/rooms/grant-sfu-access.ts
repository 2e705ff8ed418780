import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import type { Actor } from "@/lib/domain/actor";
import { AppError } from "@/lib/server/http/app-error";
import type { JanusAccess } from "@/lib/sfu/janus-session";
import { mintJanusToken } from "@/lib/sfu/janus-token";
import { NoSfuAvailableError, placeMeeting } from "@/lib/sfu/placement";
import { ensureSfuRoom, sfuRoomId } from "@/lib/sfu/sfu-rooms";
import { findVisibleRoom } from "./find-visible-room";

/**
 * Media through the SFU for someone who may join the room: the Janus instance that carries its meeting (placed
 * now if it is the first to ask), the videoroom, and a signed token the browser presents to Janus.
 */
export async function grantSfuAccess(actor: Actor, idOrSlug: string, now = new Date()) {
  const room = await findVisibleRoom(actor, idOrSlug);
  if (room.status !== "ACTIVE") throw new AppError("gone", "This room has been archived.");
  const env = serverEnv();
  if (env.JANUS_URLS.length === 0 || !env.JANUS_TOKEN_SECRET || !env.JANUS_ADMIN_KEY) {
    throw new AppError("conflict", "Large meetings are not set up here: no media server (JANUS_URLS) is configured.");
  }
  const access: JanusAccess = { tokenSecret: env.JANUS_TOKEN_SECRET, adminKey: env.JANUS_ADMIN_KEY, tokenTtlSeconds: env.JANUS_TOKEN_TTL_SECONDS };
  let url: string;
  try {
    url = await placeMeeting(env.JANUS_URLS, room.id, access);
    await ensureSfuRoom(url, room.id, access);
  } catch (error) {
    if (error instanceof NoSfuAvailableError) throw new AppError("unavailable", "The media server is not answering. The meeting continues peer-to-peer.");
    throw error;
  }
  const { token, expiresAt } = mintJanusToken({ secret: access.tokenSecret, ttlSeconds: access.tokenTtlSeconds, now });
  return { url, room: sfuRoomId(room.id), token, expiresAt: expiresAt.toISOString() };
}
