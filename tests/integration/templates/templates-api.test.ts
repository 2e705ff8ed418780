import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { requireStackEnv } from "@/tests/support/stack-env";
import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import { seedTemplates } from "@/lib/domain/seed-templates";
import { verifyJoinToken } from "@/lib/join-token/verify-join-token";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";

let admin: TestUser;
let employee: TestUser;
let other: TestUser;
const orgTemplateIds: string[] = [];

const seeded = (key: string) => seedTemplates.find((template) => template.seedKey === key)!;

beforeAll(async () => {
  [admin, employee, other] = await Promise.all([
    createTestUser("admin", "tpl-admin"),
    createTestUser("employee", "tpl-employee"),
    createTestUser("employee", "tpl-other"),
  ]);
});

afterAll(async () => {
  await prisma.room.deleteMany({ where: { ownerId: { in: [admin.id, employee.id, other.id] } } });
  await prisma.roomTemplate.deleteMany({ where: { id: { in: orgTemplateIds } } });
  await deleteTestUsers([admin, employee, other]);
});

async function createOrgTemplate(key: string): Promise<string> {
  const { name, policy } = seeded(key);
  const response = await callApi("/api/templates", { as: admin, method: "POST", body: { name: `${name} (test)`, scope: "ORG", policy } });
  expect(response.status).toBe(201);
  orgTemplateIds.push(response.body.id as string);
  return response.body.id as string;
}

describe("template authorization", () => {
  it("lets admins manage org templates and refuses employees", async () => {
    const id = await createOrgTemplate("team-meeting");
    const employeeCreate = await callApi("/api/templates", {
      as: employee,
      method: "POST",
      body: { name: "Sneaky org", scope: "ORG", policy: defaultRoomPolicy },
    });
    expect(employeeCreate.status).toBe(403);
    expect((await callApi(`/api/templates/${id}`, { as: employee })).status).toBe(200);
    expect((await callApi(`/api/templates/${id}`, { as: employee, method: "PATCH", body: { name: "Mine now" } })).status).toBe(403);
    expect((await callApi(`/api/templates/${id}`, { as: employee, method: "DELETE" })).status).toBe(403);
    const renamed = await callApi(`/api/templates/${id}`, { as: admin, method: "PATCH", body: { name: "Team meeting v2 (test)" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("Team meeting v2 (test)");
  });

  it("keeps personal templates to their owner", async () => {
    const created = await callApi("/api/templates", { as: employee, method: "POST", body: { name: "My standup", policy: defaultRoomPolicy } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ scope: "PERSONAL", canManage: true });
    const id = created.body.id as string;

    expect((await callApi(`/api/templates/${id}`, { as: other })).status).toBe(404);
    expect((await callApi(`/api/templates/${id}`, { as: admin, method: "PATCH", body: { name: "x" } })).status).toBe(404);
    const otherList = (await callApi("/api/templates", { as: other })).body as unknown as { id: string }[];
    expect(otherList.map((template) => template.id)).not.toContain(id);
    const ownList = (await callApi("/api/templates", { as: employee })).body as unknown as { id: string }[];
    expect(ownList.map((template) => template.id)).toContain(id);

    expect((await callApi(`/api/templates/${id}`, { as: employee, method: "DELETE" })).status).toBe(204);
    expect((await callApi(`/api/templates/${id}`, { as: employee })).status).toBe(404);
  });

  it("refuses invalid bodies and unauthenticated calls", async () => {
    const bad = await callApi("/api/templates", { as: employee, method: "POST", body: { name: "Bad", policy: { ...defaultRoomPolicy, recording: "always" } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe("invalid_request");
    expect((await callApi("/api/templates", { as: employee, method: "POST", body: { name: "No policy" } })).status).toBe(400);
    expect((await callApi("/api/templates", { as: employee, method: "POST", rawBody: "{" })).status).toBe(400);
    expect((await callApi("/api/templates")).status).toBe(401);
  });
});

describe("rooms from templates", () => {
  it("copies the policy into the room and the join token (Interview: waiting room)", async () => {
    const templateId = await createOrgTemplate("interview");
    const room = await callApi("/api/rooms", { as: employee, method: "POST", body: { name: "Candidate chat", templateId } });
    expect(room.status).toBe(201);
    const stored = await prisma.room.findUniqueOrThrow({ where: { id: room.body.id as string } });
    expect(stored.templateId).toBe(templateId);
    expect(stored.policy).toEqual(seeded("interview").policy);

    const grant = await callApi(`/api/rooms/${stored.id}/join`, { as: other, method: "POST" });
    expect(grant.status).toBe(200);
    const verified = await verifyJoinToken(grant.body.token as string, requireStackEnv("PARTY_SECRET"), stored.id);
    expect(verified).toMatchObject({ ok: true });
    if (!verified.ok) return;
    expect(verified.claims.policy).toEqual(seeded("interview").policy);
    expect(verified.claims.role).toBe("participant");
  });

  it("makes joiners observers and the owner host in an All-hands room", async () => {
    const templateId = await createOrgTemplate("all-hands");
    const room = await callApi("/api/rooms", { as: admin, method: "POST", body: { name: "Company all-hands", templateId } });
    const roomId = room.body.id as string;

    const joiner = await callApi(`/api/rooms/${roomId}/join`, { as: employee, method: "POST" });
    const joinerClaims = await verifyJoinToken(joiner.body.token as string, requireStackEnv("PARTY_SECRET"), roomId);
    expect(joinerClaims.ok && joinerClaims.claims.role).toBe("observer");
    expect(joinerClaims.ok && joinerClaims.claims.policy).toMatchObject({ screenShare: "presenters", muteOnEntry: true });

    const host = await callApi(`/api/rooms/${roomId}/join`, { as: admin, method: "POST" });
    const hostClaims = await verifyJoinToken(host.body.token as string, requireStackEnv("PARTY_SECRET"), roomId);
    expect(hostClaims.ok && hostClaims.claims.role).toBe("host");
  });

  it("refuses a template the creator may not see", async () => {
    const personal = await callApi("/api/templates", { as: other, method: "POST", body: { name: "Private", policy: defaultRoomPolicy } });
    const response = await callApi("/api/rooms", { as: employee, method: "POST", body: { name: "Nope", templateId: personal.body.id } });
    expect(response.status).toBe(404);
    await prisma.roomTemplate.delete({ where: { id: personal.body.id as string } });
  });
});
