import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { defaultRoomPolicy, readRoomPolicy, roomPolicySchema } from "@/lib/domain/room-policy";
import { seedTemplates } from "@/lib/domain/seed-templates";
import { canManageTemplate, canSeeTemplate } from "@/lib/domain/template-access";
import { createTemplateInputSchema, updateTemplateInputSchema } from "@/lib/domain/template-input";

const admin: Actor = { id: "a", name: "Alice", email: null, role: "admin" };
const employee: Actor = { id: "e", name: "Bob", email: null, role: "employee" };

describe("seeded templates", () => {
  it("are valid policies with the promised settings", () => {
    for (const template of seedTemplates) expect(roomPolicySchema.safeParse(template.policy).success).toBe(true);
    const byKey = Object.fromEntries(seedTemplates.map((t) => [t.seedKey, t.policy]));
    expect(Object.keys(byKey).sort()).toEqual(["all-hands", "interview", "one-on-one", "team-meeting"]);
    expect(byKey.interview!.waitingRoom).toBe(true);
    expect(byKey["all-hands"]).toMatchObject({ defaultRole: "observer", screenShare: "presenters", muteOnEntry: true });
    expect(byKey["team-meeting"]!.defaultRole).toBe("participant");
  });
});

describe("template input", () => {
  it("requires a full, valid policy on create and defaults to a personal template", () => {
    const parsed = createTemplateInputSchema.parse({ name: " Standup ", policy: defaultRoomPolicy });
    expect(parsed).toMatchObject({ name: "Standup", scope: "PERSONAL" });
    expect(createTemplateInputSchema.safeParse({ name: "x", policy: { waitingRoom: true } }).success).toBe(false);
    expect(
      createTemplateInputSchema.safeParse({ name: "x", policy: { ...defaultRoomPolicy, maxParticipants: 1000 } }).success,
    ).toBe(false);
    expect(createTemplateInputSchema.safeParse({ name: "", policy: defaultRoomPolicy }).success).toBe(false);
  });

  it("refuses empty or unknown updates", () => {
    expect(updateTemplateInputSchema.safeParse({}).success).toBe(false);
    expect(updateTemplateInputSchema.safeParse({ scope: "ORG" }).success).toBe(false);
    expect(updateTemplateInputSchema.safeParse({ name: "Renamed" }).success).toBe(true);
  });

  it("reads stored policies leniently", () => {
    expect(readRoomPolicy(null)).toEqual(defaultRoomPolicy);
    expect(readRoomPolicy({ waitingRoom: true })).toEqual({ ...defaultRoomPolicy, waitingRoom: true });
  });
});

describe("template access", () => {
  const org = { scope: "ORG" as const, ownerId: null };
  const bobs = { scope: "PERSONAL" as const, ownerId: "e" };
  it("shows org templates to everyone and personal ones to their owner only", () => {
    expect(canSeeTemplate(employee, org)).toBe(true);
    expect(canSeeTemplate(employee, bobs)).toBe(true);
    expect(canSeeTemplate(admin, bobs)).toBe(false);
  });
  it("lets admins manage org templates and owners their own", () => {
    expect(canManageTemplate(admin, org)).toBe(true);
    expect(canManageTemplate(employee, org)).toBe(false);
    expect(canManageTemplate(employee, bobs)).toBe(true);
    expect(canManageTemplate(admin, bobs)).toBe(false);
  });
});
