import "server-only";
import type { Actor } from "@/lib/domain/actor";
import { isRoomManager } from "@/lib/domain/room-access";
import { findVisibleRoom } from "./find-visible-room";
import { toRoomView } from "./room-view";

/** A room with its invite list, which only its managers see. */
export async function getRoom(actor: Actor, idOrSlug: string) {
  const room = await findVisibleRoom(actor, idOrSlug);
  const invites = isRoomManager(actor, room) ? room.invites.map((invite) => invite.email).sort() : undefined;
  return { ...toRoomView(room, actor), invites };
}
