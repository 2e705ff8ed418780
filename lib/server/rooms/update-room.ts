import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { readRoomPolicy } from "@/lib/domain/room-policy";
import type { UpdateRoomInput } from "@/lib/domain/room-input";
import { AppError } from "@/lib/server/http/app-error";
import { pushRoomPolicy } from "@/lib/server/party/push-room-policy";
import { recomputeRoomExpiry } from "@/lib/server/schedules/recompute-room-expiry";
import { findManagedRoom } from "./find-visible-room";
import { roomViewInclude, toRoomView } from "./room-view";

/**
 * Edits a room (owner or admin). A policy override replaces the room's copy of its template's policy; when its
 * expiry rule changes, Room.expiresAt is recomputed from the new rule (and the room's schedule and last meeting),
 * so the expiry job and joins see the new deadline at once. An unchanged rule keeps any explicit expiry date.
 * A live meeting in the room adopts the new policy at once (pushRoomPolicy).
 */
export async function updateRoom(actor: Actor, idOrSlug: string, input: UpdateRoomInput) {
  const room = await findManagedRoom(actor, idOrSlug);
  const expiryChanged = input.policy !== undefined && JSON.stringify(input.policy.expiry) !== JSON.stringify(readRoomPolicy(room.policy).expiry);
  // Both at once would be ambiguous: the date would be overwritten by the rule's date the same instant.
  if (expiryChanged && input.expiresAt !== undefined) {
    throw new AppError("invalid_request", "Change either the expiry date or the expiry policy, not both at once.");
  }
  const updated = await prisma.$transaction(async (tx) => {
    await tx.room.update({
      where: { id: room.id },
      data: { ...input, ...(input.description !== undefined ? { description: input.description || null } : {}) },
    });
    if (expiryChanged) await recomputeRoomExpiry(tx, room.id);
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "room.updated",
        targetType: "room",
        targetId: room.id,
        data: { fields: Object.keys(input), ...(expiryChanged ? { expiry: input.policy!.expiry } : {}) },
      },
    });
    return tx.room.findUniqueOrThrow({ where: { id: room.id }, include: roomViewInclude });
  });
  if (input.policy !== undefined) await pushRoomPolicy(updated.id, readRoomPolicy(updated.policy));
  return toRoomView(updated, actor);
}
