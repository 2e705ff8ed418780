import type { Actor } from "./actor";

/** The stored facts access rules need about a template. */
export type TemplateFacts = { scope: "ORG" | "PERSONAL"; ownerId: string | null };

/** Everyone sees org templates; personal ones only their owner. */
export function canSeeTemplate(actor: Actor, template: TemplateFacts): boolean {
  return template.scope === "ORG" || template.ownerId === actor.id;
}

/** Admins manage org templates; a personal template is managed by its owner alone (admins included). */
export function canManageTemplate(actor: Actor, template: TemplateFacts): boolean {
  return template.scope === "ORG" ? actor.role === "admin" : template.ownerId === actor.id;
}
