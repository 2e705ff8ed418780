import "server-only";
import type { Actor } from "@/lib/domain/actor";
import { isRoomManager } from "@/lib/domain/room-access";

type RoomRecord = {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  visibility: "ORG" | "INVITE_ONLY";
  status: "ACTIVE" | "ARCHIVED";
  expiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  ownerId: string;
  owner: { id: string; name: string };
};

/** A room as the API shows it to one actor. */
export type RoomView = ReturnType<typeof toRoomView>;

export function toRoomView(room: RoomRecord, actor: Actor) {
  return {
    id: room.id,
    slug: room.slug,
    name: room.name,
    description: room.description,
    visibility: room.visibility,
    status: room.status,
    expiresAt: room.expiresAt?.toISOString() ?? null,
    createdAt: room.createdAt.toISOString(),
    updatedAt: room.updatedAt.toISOString(),
    owner: { id: room.owner.id, name: room.owner.name },
    canManage: isRoomManager(actor, room),
  };
}

export const roomViewInclude = { owner: { select: { id: true, name: true } } } as const;
