import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { canManageTemplate, canSeeTemplate } from "@/lib/domain/template-access";
import { AppError } from "@/lib/server/http/app-error";

/** A template the actor may see; others' personal templates answer 404 like unknown ones. */
export async function findVisibleTemplate(actor: Actor, id: string) {
  const template = await prisma.roomTemplate.findUnique({ where: { id } });
  if (!template || !canSeeTemplate(actor, template)) throw new AppError("not_found", "Template not found.");
  return template;
}

export async function findManagedTemplate(actor: Actor, id: string) {
  const template = await findVisibleTemplate(actor, id);
  if (!canManageTemplate(actor, template)) throw new AppError("forbidden", "Only admins manage organization templates.");
  return template;
}
