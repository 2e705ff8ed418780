import { whyNot } from "../domain/meeting-permissions";
import type { MeetingRole } from "../signaling/meeting-role";
import type { MeetingState } from "./meeting-state";

export type UserPresence = {
  /** Seated in the meeting (a participant reconnecting within its grace still holds the seat). */
  readonly seated: boolean;
  readonly role: MeetingRole | null;
  /** Whether their role and the room's policy let them post in chat now. */
  readonly mayChat: boolean;
};

/**
 * Where a signed-in user stands in the live meeting, for the app server's questions (may they share a file,
 * may they fetch one shared here). Several tabs of one person: the most capable seat counts.
 */
export function presenceOf(state: MeetingState, userId: string): UserPresence {
  let presence: UserPresence = { seated: false, role: null, mayChat: false };
  for (const seat of state.seats.values()) {
    if (seat.participant.userId !== userId) continue;
    const mayChat = whyNot(seat.participant.role, "chat", state.room.policy) === null;
    if (!presence.seated || (mayChat && !presence.mayChat)) presence = { seated: true, role: seat.participant.role, mayChat };
  }
  return presence;
}
