import { whyNot } from "@/lib/domain/meeting-permissions";
import type { RoomPolicy } from "@/lib/domain/room-policy";
import type { MeetingRole } from "@/lib/signaling";

/** For each kind of media: null when this person may publish it, else why not (shown on the control). */
export type MediaRights = { audio: string | null; video: string | null; screen: string | null };

export const ALL_MEDIA_ALLOWED: MediaRights = { audio: null, video: null, screen: null };

/** What a role may publish under a policy; before the welcome (no role yet) nothing is held back. */
export function mediaRights(role: MeetingRole | undefined, policy: RoomPolicy): MediaRights {
  if (!role) return ALL_MEDIA_ALLOWED;
  return {
    audio: whyNot(role, "publish-audio", policy),
    video: whyNot(role, "publish-video", policy),
    screen: whyNot(role, "share-screen", policy),
  };
}

/** Observers publish nothing: their peer connections only receive. */
export function publishesNothing(rights: MediaRights): boolean {
  return rights.audio !== null && rights.video !== null && rights.screen !== null;
}
