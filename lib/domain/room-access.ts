import type { Actor } from "./actor";

export type RoomVisibility = "ORG" | "INVITE_ONLY";

export type RoomAccessFacts = {
  ownerId: string;
  visibility: RoomVisibility;
  /** Lower-cased emails invited to the room. */
  invitedEmails: readonly string[];
};

export function isRoomManager(actor: Actor, room: Pick<RoomAccessFacts, "ownerId">): boolean {
  return actor.role === "admin" || actor.id === room.ownerId;
}

function isInvited(actor: Actor, room: RoomAccessFacts): boolean {
  const email = actor.email?.toLowerCase();
  return email !== undefined && room.invitedEmails.includes(email);
}

/** Org rooms are open to every employee; invite-only rooms to their managers and invitees. */
export function canViewRoom(actor: Actor, room: RoomAccessFacts): boolean {
  return room.visibility === "ORG" || isRoomManager(actor, room) || isInvited(actor, room);
}

/** The meeting role a person gets when joining; the owner hosts. Richer role rules come with templates. */
export function meetingRoleOnJoin(actor: Actor, room: Pick<RoomAccessFacts, "ownerId">): "host" | "participant" {
  return actor.id === room.ownerId ? "host" : "participant";
}
