import "server-only";
import { MAX_JOIN_TOKEN_TTL_SECONDS } from "@/lib/join-token/claims";
import type { RoomPolicy } from "@/lib/domain/room-policy";
import { sendPartyControl } from "./send-party-control";

/**
 * Hands a room's new policy to its live meeting, which enforces it at once (e.g. turns off media a role may no
 * longer publish). Stamped past the expiry of every join token signed before now, so a late join with a token
 * that still carries the old policy cannot bring it back. Best effort: when PartyKit is unreachable the next
 * join token carries the new policy anyway.
 */
export function pushRoomPolicy(roomId: string, policy: RoomPolicy, now = Date.now()): Promise<boolean> {
  const stamp = Math.floor(now / 1000) + MAX_JOIN_TOKEN_TTL_SECONDS + 1;
  return sendPartyControl(roomId, { action: "policy", policy, stamp });
}
