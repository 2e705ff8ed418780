import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { findManagedTemplate } from "./find-template";

/** Rooms made from it keep their policy (Room.templateId is set null by the relation). */
export async function deleteTemplate(actor: Actor, id: string): Promise<void> {
  const template = await findManagedTemplate(actor, id);
  await prisma.$transaction(async (tx) => {
    await tx.roomTemplate.delete({ where: { id: template.id } });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "template.deleted", targetType: "template", targetId: template.id, data: { name: template.name } },
    });
  });
}
