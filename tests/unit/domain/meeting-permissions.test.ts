import { describe, expect, it } from "vitest";
import {
  allowedMedia,
  can,
  decide,
  forbiddenMedia,
  MEETING_PERMISSIONS,
  MEETING_ROLES,
  whyNot,
  type MeetingPermission,
  type MeetingRoleName,
  type PermissionPolicy,
} from "@/lib/domain/meeting-permissions";
import { defaultRoomPolicy } from "@/lib/domain/room-policy";

const open: PermissionPolicy = defaultRoomPolicy;

/** The whole matrix under the default policy (everyone shares, chat on, manual recording): ✓ allowed, · refused. */
const matrix: Record<MeetingPermission, Record<MeetingRoleName, "✓" | "·">> = {
  "publish-audio": { host: "✓", presenter: "✓", participant: "✓", observer: "·" },
  "publish-video": { host: "✓", presenter: "✓", participant: "✓", observer: "·" },
  "share-screen": { host: "✓", presenter: "✓", participant: "✓", observer: "·" },
  chat: { host: "✓", presenter: "✓", participant: "✓", observer: "✓" },
  "raise-hand": { host: "✓", presenter: "✓", participant: "✓", observer: "✓" },
  react: { host: "✓", presenter: "✓", participant: "✓", observer: "✓" },
  admit: { host: "✓", presenter: "·", participant: "·", observer: "·" },
  "mute-others": { host: "✓", presenter: "·", participant: "·", observer: "·" },
  "lower-hands": { host: "✓", presenter: "·", participant: "·", observer: "·" },
  "stop-share": { host: "✓", presenter: "·", participant: "·", observer: "·" },
  remove: { host: "✓", presenter: "·", participant: "·", observer: "·" },
  "change-roles": { host: "✓", presenter: "·", participant: "·", observer: "·" },
  record: { host: "✓", presenter: "·", participant: "·", observer: "·" },
  "end-meeting": { host: "✓", presenter: "·", participant: "·", observer: "·" },
  lock: { host: "✓", presenter: "·", participant: "·", observer: "·" },
  spotlight: { host: "✓", presenter: "·", participant: "·", observer: "·" },
};

describe("meeting permissions", () => {
  it("covers every permission", () => {
    expect(Object.keys(matrix).sort()).toEqual([...MEETING_PERMISSIONS].sort());
  });

  const cells = MEETING_PERMISSIONS.flatMap((permission) => MEETING_ROLES.map((role) => [permission, role] as const));
  it.each(cells)("%s for %s follows the matrix under the default policy, with a reason when refused", (permission, role) => {
    const decision = decide(role, permission, open);
    expect(decision.allowed).toBe(matrix[permission][role] === "✓");
    expect(can(role, permission, open)).toBe(decision.allowed);
    if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(10);
    expect(whyNot(role, permission, open)).toBe(decision.allowed ? null : decision.reason);
  });

  it("lets only hosts and presenters share when the policy says presenters", () => {
    const presenters: PermissionPolicy = { ...open, screenShare: "presenters" };
    expect(MEETING_ROLES.filter((role) => can(role, "share-screen", presenters))).toEqual(["host", "presenter"]);
    expect(whyNot("participant", "share-screen", presenters)).toMatch(/hosts and presenters/);
    // Other media are unaffected.
    expect(can("participant", "publish-audio", presenters)).toBe(true);
  });

  it("lets nobody chat, hosts included, when chat is off", () => {
    const noChat: PermissionPolicy = { ...open, chatEnabled: false };
    expect(MEETING_ROLES.filter((role) => can(role, "chat", noChat))).toEqual([]);
    expect(whyNot("host", "chat", noChat)).toBe("Chat is turned off for this meeting");
  });

  it("lets nobody record when recording is off", () => {
    expect(MEETING_ROLES.filter((role) => can(role, "record", { ...open, recording: "off" }))).toEqual([]);
    expect(can("host", "record", { ...open, recording: "auto" })).toBe(true);
  });

  it("tells observers how to get to speak", () => {
    expect(whyNot("observer", "publish-audio", open)).toBe("Observers can't unmute — ask a host to make you a presenter");
    expect(whyNot("observer", "share-screen", open)).toMatch(/presenter/);
    expect(whyNot("participant", "admit", open)).toBe("Only hosts can let people in");
  });

  it("checks and trims media states against the role", () => {
    expect(forbiddenMedia("observer", { audio: false, video: false, screen: false }, open)).toBeNull();
    expect(forbiddenMedia("observer", { audio: false, video: true, screen: false }, open)).toMatchObject({ kind: "video" });
    expect(forbiddenMedia("participant", { audio: true, video: true, screen: true }, { ...open, screenShare: "presenters" })).toMatchObject({ kind: "screen" });
    expect(allowedMedia("observer", { audio: true, video: true, screen: true }, open)).toEqual({ audio: false, video: false, screen: false });
    expect(allowedMedia("participant", { audio: true, video: true, screen: true }, { ...open, screenShare: "presenters" })).toEqual({
      audio: true,
      video: true,
      screen: false,
    });
  });
});
