import type { Actor } from "./actor";

/**
 * Who may see a recording. Hosts are the room's owner (who always hosts) and whoever held the host role in the
 * meeting it was recorded in (a co-host promoted during it); admins see everything. Everyone else who took part
 * in that meeting sees it only when the room's policy says "participants". Nobody else learns it exists (404).
 */
export type RecordingAccessFacts = {
  roomOwnerId: string;
  /** The room's policy `recordingAccess`. */
  access: "hosts" | "participants";
  /** The recorder (their own recording is theirs to watch, whatever the policy). */
  startedById: string | null;
  /** User ids with a Participation in the recording's meeting, and those of them who were hosts there. */
  participantUserIds: ReadonlySet<string>;
  hostUserIds: ReadonlySet<string>;
};

export function isRecordingHost(actor: Actor, facts: Pick<RecordingAccessFacts, "roomOwnerId" | "hostUserIds">): boolean {
  return actor.id === facts.roomOwnerId || facts.hostUserIds.has(actor.id);
}

/** List, watch and download. */
export function canViewRecording(actor: Actor, facts: RecordingAccessFacts): boolean {
  if (actor.role === "admin" || isRecordingHost(actor, facts) || facts.startedById === actor.id) return true;
  return facts.access === "participants" && facts.participantUserIds.has(actor.id);
}

/** Deleting ends the recording for everyone: hosts and admins only. */
export function canDeleteRecording(actor: Actor, facts: RecordingAccessFacts): boolean {
  return actor.role === "admin" || isRecordingHost(actor, facts);
}
