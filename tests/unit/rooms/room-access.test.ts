import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { canViewRoom, isRoomManager, meetingRoleOnJoin } from "@/lib/domain/room-access";

const employee = (id: string, email: string | null = `${id}@corp.test`): Actor => ({ id, name: id, email, role: "employee" });
const admin: Actor = { id: "admin", name: "Admin", email: "admin@corp.test", role: "admin" };

describe("room access", () => {
  const inviteOnly = { ownerId: "owner", visibility: "INVITE_ONLY" as const, invitedEmails: ["guest@corp.test"] };
  const orgRoom = { ownerId: "owner", visibility: "ORG" as const, invitedEmails: [] };

  it("lets every employee see org rooms", () => {
    expect(canViewRoom(employee("anyone"), orgRoom)).toBe(true);
  });

  it("shows invite-only rooms to owner, admins and invitees only", () => {
    expect(canViewRoom(employee("owner"), inviteOnly)).toBe(true);
    expect(canViewRoom(admin, inviteOnly)).toBe(true);
    expect(canViewRoom(employee("guest"), inviteOnly)).toBe(true);
    expect(canViewRoom(employee("GUEST", "Guest@Corp.test"), inviteOnly)).toBe(true);
    expect(canViewRoom(employee("stranger"), inviteOnly)).toBe(false);
    expect(canViewRoom(employee("no-email", null), inviteOnly)).toBe(false);
  });

  it("lets only the owner and admins manage a room", () => {
    expect(isRoomManager(employee("owner"), orgRoom)).toBe(true);
    expect(isRoomManager(admin, orgRoom)).toBe(true);
    expect(isRoomManager(employee("guest"), inviteOnly)).toBe(false);
  });

  it("makes the owner host and everyone else a participant", () => {
    expect(meetingRoleOnJoin(employee("owner"), orgRoom)).toBe("host");
    expect(meetingRoleOnJoin(admin, orgRoom)).toBe("participant");
  });
});
