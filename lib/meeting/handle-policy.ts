import { allowedMedia } from "../domain/meeting-permissions";
import type { Participant } from "../signaling/participant";
import { toConnected, unchanged } from "./effects";
import type { MeetingEffect, MeetingTransition } from "./meeting-events";
import type { MeetingState, StampedPolicy } from "./meeting-state";
import { withMediaPath, withParticipant } from "./meeting-updates";

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Turns off whatever media participants may no longer publish (after a stricter policy): the media flags are what
 * everyone's UI shows, and a client that keeps sending after this is refused on its next `media`.
 */
export function enforceMediaRights(state: MeetingState): MeetingTransition {
  let next = state;
  const effects: MeetingEffect[] = [];
  for (const seat of state.seats.values()) {
    const media = allowedMedia(seat.participant.role, seat.participant.media, state.room.policy);
    if (sameJson(media, seat.participant.media)) continue;
    const participant: Participant = { ...seat.participant, media };
    next = withParticipant(next, seat, participant);
    effects.push(...toConnected(next, { type: "participant-updated", participant }));
  }
  return { state: next, effects };
}

/**
 * Join tokens carry the room's policy as Next.js knew it when signing. The meeting keeps the newest one (by the
 * token's expiry: tokens all live the same 60 s) and tells everyone when it changes.
 */
export function adoptPolicy(state: MeetingState, policy: StampedPolicy | undefined): MeetingTransition {
  if (!policy || policy.stamp < state.policyStamp) return unchanged(state);
  if (sameJson(policy.value, state.room.policy)) {
    return policy.stamp === state.policyStamp ? unchanged(state) : { state: { ...state, policyStamp: policy.stamp }, effects: [] };
  }
  // A room newly marked "large meeting" (or no longer) changes the media path with it.
  const adopted = withMediaPath({ ...state, room: { ...state.room, policy: policy.value }, policyStamp: policy.stamp });
  const enforced = enforceMediaRights(adopted);
  return { state: enforced.state, effects: [...toConnected(enforced.state, { type: "room-updated", ...adopted.room }), ...enforced.effects] };
}
