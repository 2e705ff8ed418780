import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { notFound } from "@/lib/server/http/app-error";
import { findManagedRoom } from "./find-visible-room";

export async function revokeRoomInvite(actor: Actor, idOrSlug: string, email: string): Promise<void> {
  const room = await findManagedRoom(actor, idOrSlug);
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.roomInvite.deleteMany({ where: { roomId: room.id, email } });
    if (count === 0) throw notFound("Invite");
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "room.invite_revoked", targetType: "room", targetId: room.id, data: { email } },
    });
  });
}
