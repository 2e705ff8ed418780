import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { canViewRoom, isRoomManager } from "@/lib/domain/room-access";
import { forbidden, notFound } from "@/lib/server/http/app-error";
import { roomViewInclude } from "./room-view";

/**
 * Loads a room by id or slug for an actor. A room the actor may not see answers 404, like an unknown one,
 * so invite-only rooms do not leak their existence.
 */
export async function findVisibleRoom(actor: Actor, idOrSlug: string) {
  const room = await prisma.room.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
    include: { ...roomViewInclude, invites: { select: { email: true } } },
  });
  if (!room) throw notFound("Room");
  const invitedEmails = room.invites.map((invite) => invite.email);
  if (!canViewRoom(actor, { ...room, invitedEmails })) throw notFound("Room");
  return room;
}

export async function findManagedRoom(actor: Actor, idOrSlug: string) {
  const room = await findVisibleRoom(actor, idOrSlug);
  if (!isRoomManager(actor, room)) throw forbidden("Only the room's owner or an admin can change it.");
  return room;
}
