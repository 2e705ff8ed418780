import "server-only";
import type { Actor } from "@/lib/domain/actor";
import { readRoomPolicy, type RoomPolicy } from "@/lib/domain/room-policy";
import { canManageTemplate } from "@/lib/domain/template-access";

type StoredTemplate = {
  id: string;
  name: string;
  description: string | null;
  scope: "ORG" | "PERSONAL";
  ownerId: string | null;
  policy: unknown;
  updatedAt: Date;
};

export type TemplateView = {
  id: string;
  name: string;
  description: string | null;
  scope: "ORG" | "PERSONAL";
  policy: RoomPolicy;
  canManage: boolean;
  updatedAt: string;
};

export function toTemplateView(template: StoredTemplate, actor: Actor): TemplateView {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    scope: template.scope,
    policy: readRoomPolicy(template.policy),
    canManage: canManageTemplate(actor, template),
    updatedAt: template.updatedAt.toISOString(),
  };
}
