import type { ConnectionQuality } from "@/lib/domain/connection-quality";
import type { Participant } from "@/lib/signaling";

/** Reads of the wire participant that the UI relies on, in one place so a protocol change touches one file. */

export function isMicrophoneOn(participant: Participant): boolean {
  return participant.media.audio;
}

export function isCameraOn(participant: Participant): boolean {
  return participant.media.video;
}

export function isSharingScreen(participant: Participant): boolean {
  return participant.media.screen;
}

/** When the hand went up (server clock), or null when it is down; a hand without a time sorts as of joining. */
export function handRaisedAt(participant: Participant): number | null {
  return participant.hand.raised ? (participant.hand.raisedAt ?? participant.joinedAt) : null;
}

export function isReconnecting(participant: Participant): boolean {
  return participant.connection === "reconnecting";
}

export function reportedQuality(participant: Participant): ConnectionQuality | null {
  return participant.quality?.level ?? null;
}

export function isHost(participant: Participant): boolean {
  return participant.role === "host";
}

/** The role as lists and tiles name it; plain participants need no label. */
export function roleLabel(participant: Pick<Participant, "role">): string | null {
  switch (participant.role) {
    case "host":
      return "Host";
    case "presenter":
      return "Presenter";
    case "observer":
      return "Observer";
    case "participant":
      return null;
  }
}

/** Raised hands first, in the order they went up; then everyone else in join order. */
export function participantsInListOrder(participants: readonly Participant[]): Participant[] {
  const raised = participants.filter((participant) => handRaisedAt(participant) !== null);
  raised.sort((a, b) => handRaisedAt(a)! - handRaisedAt(b)!);
  return [...raised, ...participants.filter((participant) => handRaisedAt(participant) === null)];
}
