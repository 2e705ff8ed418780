import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { deleteBlobs } from "@/lib/server/files/delete-blobs";
import { findManagedRoom } from "./find-visible-room";

export async function deleteRoom(actor: Actor, idOrSlug: string): Promise<void> {
  const room = await findManagedRoom(actor, idOrSlug);
  const files = await prisma.$transaction(async (tx) => {
    const stored = await tx.storedFile.findMany({ where: { roomId: room.id }, select: { storageKey: true } });
    const recordings = await tx.recording.findMany({ where: { roomId: room.id, storageKey: { not: null } }, select: { storageKey: true } });
    await tx.room.delete({ where: { id: room.id } });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "room.deleted", targetType: "room", targetId: room.id, data: { slug: room.slug, name: room.name } },
    });
    return [...stored.map((file) => file.storageKey), ...recordings.map((recording) => recording.storageKey!)];
  });
  // The rows went with the room (cascade); its files' and recordings' bytes go now.
  await deleteBlobs(files);
}
