import type { RoomPolicy } from "./room-policy";

/**
 * What each meeting role may do, in one table used by PartyKit (enforcement), the API (roles on join) and the
 * meeting UI (what to hide or disable, and why). Pure and framework-free.
 */

export const MEETING_ROLES = ["host", "presenter", "participant", "observer"] as const;
export type MeetingRoleName = (typeof MEETING_ROLES)[number];

export const MEETING_PERMISSIONS = [
  "publish-audio",
  "publish-video",
  "share-screen",
  "chat",
  "raise-hand",
  "react",
  "admit",
  "mute-others",
  "lower-hands",
  "stop-share",
  "remove",
  "change-roles",
  "record",
  "end-meeting",
  "lock",
  "spotlight",
] as const;
export type MeetingPermission = (typeof MEETING_PERMISSIONS)[number];

/** The parts of a room's policy that change what a role may do. */
export type PermissionPolicy = Pick<RoomPolicy, "screenShare" | "chatEnabled" | "recording">;

export type PermissionDecision = { allowed: true } | { allowed: false; reason: string };

const HOST_ACTIONS: ReadonlySet<MeetingPermission> = new Set(["admit", "mute-others", "lower-hands", "stop-share", "remove", "change-roles", "end-meeting", "lock", "spotlight"]);

const hostActionWording: Record<string, string> = {
  admit: "let people in",
  "mute-others": "mute others",
  "lower-hands": "lower everyone's hands",
  "stop-share": "stop someone else's screen share",
  remove: "remove people",
  "change-roles": "change roles",
  "end-meeting": "end the meeting for everyone",
  lock: "lock the meeting",
  spotlight: "spotlight someone",
  record: "record",
};

const observerWording: Partial<Record<MeetingPermission, string>> = {
  "publish-audio": "Observers can't unmute — ask a host to make you a presenter",
  "publish-video": "Observers can't turn on their camera — ask a host to make you a presenter",
  "share-screen": "Observers can't share their screen — ask a host to make you a presenter",
};

const allow: PermissionDecision = { allowed: true };
const deny = (reason: string): PermissionDecision => ({ allowed: false, reason });

/** Whether `role` may do `permission` under `policy`, and if not, a sentence the UI can show as it is. */
export function decide(role: MeetingRoleName, permission: MeetingPermission, policy: PermissionPolicy): PermissionDecision {
  if (HOST_ACTIONS.has(permission)) return role === "host" ? allow : deny(`Only hosts can ${hostActionWording[permission]}`);
  switch (permission) {
    case "publish-audio":
    case "publish-video":
      return role === "observer" ? deny(observerWording[permission]!) : allow;
    case "share-screen":
      if (role === "observer") return deny(observerWording[permission]!);
      if (policy.screenShare === "presenters" && role === "participant") {
        return deny("Only hosts and presenters can share their screen in this meeting — ask a host to make you a presenter");
      }
      return allow;
    case "chat":
      return policy.chatEnabled ? allow : deny("Chat is turned off for this meeting");
    case "record":
      if (policy.recording === "off") return deny("Recording is turned off for this meeting");
      return role === "host" ? allow : deny(`Only hosts can ${hostActionWording.record}`);
    // Observers may ask to speak and react: neither publishes media.
    case "raise-hand":
    case "react":
      return allow;
    default:
      return deny("Not allowed");
  }
}

export function can(role: MeetingRoleName, permission: MeetingPermission, policy: PermissionPolicy): boolean {
  return decide(role, permission, policy).allowed;
}

/** Why `role` may not do `permission`, or null when it may. */
export function whyNot(role: MeetingRoleName, permission: MeetingPermission, policy: PermissionPolicy): string | null {
  const decision = decide(role, permission, policy);
  return decision.allowed ? null : decision.reason;
}

export type PublishedMedia = { audio: boolean; video: boolean; screen: boolean };

const MEDIA_PERMISSIONS = { audio: "publish-audio", video: "publish-video", screen: "share-screen" } as const;

/** The first media flag that is on but not allowed, with the reason; null when the whole state is allowed. */
export function forbiddenMedia(role: MeetingRoleName, media: PublishedMedia, policy: PermissionPolicy): { kind: keyof PublishedMedia; reason: string } | null {
  for (const kind of ["audio", "video", "screen"] as const) {
    if (!media[kind]) continue;
    const reason = whyNot(role, MEDIA_PERMISSIONS[kind], policy);
    if (reason !== null) return { kind, reason };
  }
  return null;
}

/** `media` with everything `role` may not publish turned off (after a demotion or a stricter policy). */
export function allowedMedia(role: MeetingRoleName, media: PublishedMedia, policy: PermissionPolicy): PublishedMedia {
  return {
    audio: media.audio && can(role, "publish-audio", policy),
    video: media.video && can(role, "publish-video", policy),
    screen: media.screen && can(role, "share-screen", policy),
  };
}

/** Roles a host can hand out, with the words the role menu uses. */
export const ROLE_LABELS: Record<MeetingRoleName, string> = {
  host: "Host",
  presenter: "Presenter",
  participant: "Participant",
  observer: "Observer",
};
