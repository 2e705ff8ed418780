import "server-only";
import type { Actor } from "@/lib/domain/actor";
import { isRoomManager } from "@/lib/domain/room-access";
import { readRoomPolicy } from "@/lib/domain/room-policy";
import { findVisibleRoom } from "./find-visible-room";
import { toRoomView } from "./room-view";

/**
 * A room with its invite list and policy, which only its managers see (the policy for the settings form). Everyone
 * learns whether its meetings are recorded: they are told before they join.
 */
export async function getRoom(actor: Actor, idOrSlug: string) {
  const room = await findVisibleRoom(actor, idOrSlug);
  const manager = isRoomManager(actor, room);
  const invites = manager ? room.invites.map((invite) => invite.email).sort() : undefined;
  const fullPolicy = readRoomPolicy(room.policy);
  const policy = manager ? fullPolicy : undefined;
  return { ...toRoomView(room, actor), invites, policy, recording: fullPolicy.recording };
}
