import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { findManagedRoom } from "./find-visible-room";
import { invitesOf } from "./list-room-invites";

/** Invites directory emails to a room; inviting someone twice is harmless. */
export async function inviteToRoom(actor: Actor, idOrSlug: string, emails: string[]) {
  const room = await findManagedRoom(actor, idOrSlug);
  const unique = [...new Set(emails)];
  await prisma.$transaction(async (tx) => {
    await tx.roomInvite.createMany({
      data: unique.map((email) => ({ roomId: room.id, email, invitedById: actor.id })),
      skipDuplicates: true,
    });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "room.invited", targetType: "room", targetId: room.id, data: { emails: unique } },
    });
  });
  return invitesOf(room.id);
}
