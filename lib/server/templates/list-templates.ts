import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { toTemplateView } from "./template-view";

/** Org templates and the actor's own, org first, by name. Bounded: templates are few per person. */
export async function listTemplates(actor: Actor) {
  const templates = await prisma.roomTemplate.findMany({
    where: { OR: [{ scope: "ORG" }, { scope: "PERSONAL", ownerId: actor.id }] },
    orderBy: [{ scope: "asc" }, { name: "asc" }],
    take: 500,
  });
  return templates.map((template) => toTemplateView(template, actor));
}
