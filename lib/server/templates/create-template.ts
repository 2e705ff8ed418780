import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import type { CreateTemplateInput } from "@/lib/domain/template-input";
import { AppError } from "@/lib/server/http/app-error";
import { toTemplateView } from "./template-view";

export async function createTemplate(actor: Actor, input: CreateTemplateInput) {
  if (input.scope === "ORG" && actor.role !== "admin") {
    throw new AppError("forbidden", "Only admins create organization templates.");
  }
  const created = await prisma.$transaction(async (tx) => {
    const template = await tx.roomTemplate.create({
      data: {
        name: input.name,
        description: input.description || null,
        scope: input.scope,
        ownerId: input.scope === "PERSONAL" ? actor.id : null,
        policy: input.policy,
      },
    });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "template.created", targetType: "template", targetId: template.id, data: { scope: input.scope } },
    });
    return template;
  });
  return toTemplateView(created, actor);
}
