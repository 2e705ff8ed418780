import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import type { CreateRoomInput } from "@/lib/domain/room-input";
import { roomSlug } from "@/lib/domain/room-slug";
import { readRoomPolicy } from "@/lib/domain/room-policy";
import { recomputeRoomExpiry } from "@/lib/server/schedules/recompute-room-expiry";
import { findVisibleTemplate } from "@/lib/server/templates/find-template";
import { roomViewInclude, toRoomView } from "./room-view";

export async function createRoom(actor: Actor, input: CreateRoomInput) {
  const slug = roomSlug(input.name, randomBytes(4).toString("hex"));
  const invites = [...new Set(input.invites)];
  // The room copies the template's policy, so later template edits do not change existing rooms.
  const template = input.templateId ? await findVisibleTemplate(actor, input.templateId) : null;
  const room = await prisma.$transaction(async (tx) => {
    const created = await tx.room.create({
      data: {
        slug,
        name: input.name,
        description: input.description || null,
        visibility: input.visibility,
        expiresAt: input.expiresAt ?? null,
        ownerId: actor.id,
        ...(template ? { templateId: template.id, policy: readRoomPolicy(template.policy) } : {}),
        invites: { create: invites.map((email) => ({ email, invitedById: actor.id })) },
      },
      include: roomViewInclude,
    });
    // A template's expiry rule sets the deadline at once, as a later policy edit would; an explicit date is kept as given.
    if (template && !input.expiresAt) {
      await recomputeRoomExpiry(tx, created.id);
      created.expiresAt = (await tx.room.findUniqueOrThrow({ where: { id: created.id }, select: { expiresAt: true } })).expiresAt;
    }
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "room.created", targetType: "room", targetId: created.id, data: { slug, invites: invites.length } },
    });
    return created;
  });
  return toRoomView(room, actor);
}
