import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/domain/actor";
import type { ListRoomsQuery } from "@/lib/domain/room-input";
import { roomViewInclude, toRoomView } from "./room-view";

function sharedWith(actor: Actor): Prisma.RoomWhereInput {
  const invited: Prisma.RoomWhereInput[] = actor.email ? [{ invites: { some: { email: actor.email.toLowerCase() } } }] : [];
  return { ownerId: { not: actor.id }, OR: [{ visibility: "ORG" }, ...invited] };
}

function scopeFilter(actor: Actor, scope: ListRoomsQuery["scope"]): Prisma.RoomWhereInput {
  if (scope === "owned") return { ownerId: actor.id };
  if (scope === "shared") return sharedWith(actor);
  if (actor.role === "admin") return {};
  return { OR: [{ ownerId: actor.id }, sharedWith(actor)] };
}

/** Active rooms the actor may see, newest first, paginated by an opaque cursor (the last room's id). */
export async function listRooms(actor: Actor, query: ListRoomsQuery) {
  const rows = await prisma.room.findMany({
    where: { status: "ACTIVE", ...scopeFilter(actor, query.scope) },
    include: roomViewInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, query.limit);
  return {
    rooms: page.map((room) => toRoomView(room, actor)),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
