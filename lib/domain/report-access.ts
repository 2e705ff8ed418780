import type { Actor } from "./actor";

/**
 * Who may open a meeting's post-call report and its exports.
 * Admins see every meeting; a host sees the meetings they hosted (a participation with role HOST at any time,
 * or ownership of the room the meeting ran in); everyone else is refused. Pure: the caller loads the facts.
 */
export type ReportAccessFacts = {
  /** Owner of the meeting's room, or null when the room was deleted. */
  roomOwnerId: string | null;
  /** User ids that held the HOST role in this meeting (current role or any role change to HOST). */
  hostUserIds: readonly string[];
};

export type ReportAccess = "admin" | "host" | "denied";

export function reportAccess(actor: Pick<Actor, "id" | "role">, facts: ReportAccessFacts): ReportAccess {
  if (actor.role === "admin") return "admin";
  if (facts.roomOwnerId !== null && facts.roomOwnerId === actor.id) return "host";
  if (facts.hostUserIds.includes(actor.id)) return "host";
  return "denied";
}

export function canViewReport(actor: Pick<Actor, "id" | "role">, facts: ReportAccessFacts): boolean {
  return reportAccess(actor, facts) !== "denied";
}

/** The fleet-wide pages (overview, all meetings, alerts) are admin-only. */
export function canViewFleetAnalytics(actor: Pick<Actor, "role">): boolean {
  return actor.role === "admin";
}
