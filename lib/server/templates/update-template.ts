import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import type { UpdateTemplateInput } from "@/lib/domain/template-input";
import { findManagedTemplate } from "./find-template";
import { toTemplateView } from "./template-view";

/** Rooms already made from the template keep their copied policy: a template change applies to new rooms. */
export async function updateTemplate(actor: Actor, id: string, input: UpdateTemplateInput) {
  const template = await findManagedTemplate(actor, id);
  const updated = await prisma.$transaction(async (tx) => {
    const saved = await tx.roomTemplate.update({
      where: { id: template.id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description || null } : {}),
        ...(input.policy !== undefined ? { policy: input.policy } : {}),
      },
    });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "template.updated", targetType: "template", targetId: template.id, data: { fields: Object.keys(input) } },
    });
    return saved;
  });
  return toTemplateView(updated, actor);
}
