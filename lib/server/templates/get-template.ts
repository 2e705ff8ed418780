import "server-only";
import type { Actor } from "@/lib/domain/actor";
import { findVisibleTemplate } from "./find-template";
import { toTemplateView } from "./template-view";

export async function getTemplate(actor: Actor, id: string) {
  return toTemplateView(await findVisibleTemplate(actor, id), actor);
}
