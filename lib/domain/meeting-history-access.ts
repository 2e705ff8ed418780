import type { Actor } from "./actor";

export type MeetingHistoryFacts = {
  /** Owner of the meeting's room, or null when the room was deleted. */
  roomOwnerId: string | null;
  /** Users who took part (any role, for any length of time). */
  participantUserIds: readonly string[];
};

/**
 * Who may read a past meeting's history (who came, the chat and its files): everyone who took part, the room's
 * owner, and admins. Pure: the caller loads the facts.
 */
export function canViewMeetingHistory(actor: Pick<Actor, "id" | "role">, facts: MeetingHistoryFacts): boolean {
  if (actor.role === "admin") return true;
  if (facts.roomOwnerId !== null && facts.roomOwnerId === actor.id) return true;
  return facts.participantUserIds.includes(actor.id);
}
