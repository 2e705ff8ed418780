import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { findManagedRoom } from "./find-visible-room";

export async function deleteRoom(actor: Actor, idOrSlug: string): Promise<void> {
  const room = await findManagedRoom(actor, idOrSlug);
  await prisma.$transaction(async (tx) => {
    await tx.room.delete({ where: { id: room.id } });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "room.deleted", targetType: "room", targetId: room.id, data: { slug: room.slug, name: room.name } },
    });
  });
}
