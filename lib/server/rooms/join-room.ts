import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import type { Actor } from "@/lib/domain/actor";
import { meetingRoleOnJoin } from "@/lib/domain/room-access";
import { readRoomPolicy } from "@/lib/domain/room-policy";
import { signJoinToken } from "@/lib/join-token/sign-join-token";
import { AppError } from "@/lib/server/http/app-error";
import { iceServersFor } from "@/lib/server/rtc/ice-servers";
import { findVisibleRoom } from "./find-visible-room";

const JOIN_TOKEN_TTL_SECONDS = 60;

function partyHost(env: ReturnType<typeof serverEnv>): string {
  return env.PARTYKIT_PUBLIC_HOST ?? new URL(env.PARTYKIT_URL).host;
}

/**
 * Admits the actor to a room's realtime session: a short-lived token PartyKit verifies on connect, where
 * to connect, and ICE servers with fresh TURN credentials.
 */
export async function joinRoom(actor: Actor, idOrSlug: string, now = new Date()) {
  const room = await findVisibleRoom(actor, idOrSlug);
  if (room.status !== "ACTIVE") throw new AppError("gone", "This room has been archived.");
  if (room.expiresAt && room.expiresAt <= now) throw new AppError("gone", "This room has expired.");

  const env = serverEnv();
  const policy = readRoomPolicy(room.policy);
  // The owner hosts; everyone else gets the room's default role (PartyKit enforces both, with the policy).
  const role = meetingRoleOnJoin(actor, room) === "host" ? "host" : policy.defaultRole;
  const token = await signJoinToken({ userId: actor.id, name: actor.name, roomId: room.id, role, policy }, env.PARTY_SECRET, {
    ttlSeconds: JOIN_TOKEN_TTL_SECONDS,
    now,
  });
  return {
    roomId: room.id,
    role,
    token,
    expiresAt: new Date(now.getTime() + JOIN_TOKEN_TTL_SECONDS * 1000).toISOString(),
    partyHost: partyHost(env),
    iceServers: iceServersFor(actor.id, env, now),
    iceTransportPolicy: env.ICE_TRANSPORT_POLICY,
  };
}
