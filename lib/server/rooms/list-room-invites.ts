import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { findManagedRoom } from "./find-visible-room";

export async function invitesOf(roomId: string) {
  const invites = await prisma.roomInvite.findMany({ where: { roomId }, orderBy: { email: "asc" } });
  return invites.map((invite) => ({ email: invite.email, invitedAt: invite.createdAt.toISOString() }));
}

export async function listRoomInvites(actor: Actor, idOrSlug: string) {
  const room = await findManagedRoom(actor, idOrSlug);
  return invitesOf(room.id);
}
