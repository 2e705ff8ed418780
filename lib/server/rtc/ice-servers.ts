import "server-only";
import { createHmac } from "node:crypto";
import type { ServerEnv } from "@/lib/config/server-env";

export type IceServerEnv = Pick<ServerEnv, "STUN_URLS" | "TURN_URLS" | "TURN_SECRET" | "TURN_CREDENTIAL_TTL_SECONDS">;

/**
 * coturn's REST-API scheme (`--use-auth-secret`): TURN needs no per-user account, and a leaked credential stops
 * working at `expiresAt` (epoch seconds), which coturn reads back from the username.
 */
export function turnRestCredentials(userId: string, secret: string, expiresAt: number): { username: string; credential: string } {
  const username = `${expiresAt}:${userId}`;
  const credential = createHmac("sha1", secret).update(username).digest("base64");
  return { username, credential };
}

/** The ICE servers one user's browser should use, with TURN credentials valid for TURN_CREDENTIAL_TTL_SECONDS. */
export function iceServersFor(userId: string, env: IceServerEnv, now: Date): RTCIceServer[] {
  const servers: RTCIceServer[] = [];
  if (env.STUN_URLS.length > 0) servers.push({ urls: env.STUN_URLS });
  if (env.TURN_URLS.length > 0) {
    // Without credentials coturn refuses every allocation, and calls behind NAT fail with no visible cause.
    if (!env.TURN_SECRET) throw new Error("TURN_URLS is set but TURN_SECRET is not");
    if (userId.length === 0) throw new Error("TURN credentials need a user id");
    const expiresAt = Math.floor(now.getTime() / 1000) + env.TURN_CREDENTIAL_TTL_SECONDS;
    servers.push({ urls: env.TURN_URLS, ...turnRestCredentials(userId, env.TURN_SECRET, expiresAt) });
  }
  return servers;
}
