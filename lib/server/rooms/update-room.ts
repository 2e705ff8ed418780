import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import type { UpdateRoomInput } from "@/lib/domain/room-input";
import { findManagedRoom } from "./find-visible-room";
import { roomViewInclude, toRoomView } from "./room-view";

export async function updateRoom(actor: Actor, idOrSlug: string, input: UpdateRoomInput) {
  const room = await findManagedRoom(actor, idOrSlug);
  const updated = await prisma.$transaction(async (tx) => {
    const saved = await tx.room.update({
      where: { id: room.id },
      data: { ...input, ...(input.description !== undefined ? { description: input.description || null } : {}) },
      include: roomViewInclude,
    });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "room.updated", targetType: "room", targetId: room.id, data: { fields: Object.keys(input) } },
    });
    return saved;
  });
  return toRoomView(updated, actor);
}
