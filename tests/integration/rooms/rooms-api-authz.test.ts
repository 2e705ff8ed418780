import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";

type Who = "anonymous" | "employee" | "invitee" | "owner" | "admin";
let people: Record<Exclude<Who, "anonymous">, TestUser>;
let orgRoomId: string;
let privateRoomId: string;

const as = (who: Who) => (who === "anonymous" ? undefined : people[who]);

async function createRoom(owner: TestUser, body: Record<string, unknown>) {
  const created = await callApi("/api/rooms", { as: owner, method: "POST", body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

beforeAll(async () => {
  const [employee, invitee, owner, admin] = await Promise.all([
    createTestUser("employee", "employee"),
    createTestUser("employee", "invitee"),
    createTestUser("employee", "owner"),
    createTestUser("admin", "admin"),
  ]);
  people = { employee, invitee, owner, admin };
  orgRoomId = await createRoom(owner, { name: "Authz org room" });
  privateRoomId = await createRoom(owner, { name: "Authz private room", visibility: "INVITE_ONLY", invites: [invitee.email] });
});

afterAll(async () => {
  await prisma.room.deleteMany({ where: { ownerId: { in: Object.values(people).map((user) => user.id) } } });
  await deleteTestUsers(Object.values(people));
});

describe("rooms API authorization matrix", () => {
  const table: Array<[string, (ids: { org: string; priv: string }) => { path: string; method: string; body?: unknown }, Record<Who, number>]> = [
    ["list rooms", () => ({ path: "/api/rooms", method: "GET" }), { anonymous: 401, employee: 200, invitee: 200, owner: 200, admin: 200 }],
    ["read org room", (ids) => ({ path: `/api/rooms/${ids.org}`, method: "GET" }), { anonymous: 401, employee: 200, invitee: 200, owner: 200, admin: 200 }],
    ["read invite-only room", (ids) => ({ path: `/api/rooms/${ids.priv}`, method: "GET" }), { anonymous: 401, employee: 404, invitee: 200, owner: 200, admin: 200 }],
    ["edit org room", (ids) => ({ path: `/api/rooms/${ids.org}`, method: "PATCH", body: { description: "edited" } }), { anonymous: 401, employee: 403, invitee: 403, owner: 200, admin: 200 }],
    ["edit invite-only room", (ids) => ({ path: `/api/rooms/${ids.priv}`, method: "PATCH", body: { description: "edited" } }), { anonymous: 401, employee: 404, invitee: 403, owner: 200, admin: 200 }],
    ["list invites", (ids) => ({ path: `/api/rooms/${ids.priv}/invites`, method: "GET" }), { anonymous: 401, employee: 404, invitee: 403, owner: 200, admin: 200 }],
    ["add invites", (ids) => ({ path: `/api/rooms/${ids.priv}/invites`, method: "POST", body: { emails: ["someone@tests.confer.test"] } }), { anonymous: 401, employee: 404, invitee: 403, owner: 201, admin: 201 }],
    ["join org room", (ids) => ({ path: `/api/rooms/${ids.org}/join`, method: "POST" }), { anonymous: 401, employee: 200, invitee: 200, owner: 200, admin: 200 }],
    ["join invite-only room", (ids) => ({ path: `/api/rooms/${ids.priv}/join`, method: "POST" }), { anonymous: 401, employee: 404, invitee: 200, owner: 200, admin: 200 }],
    ["read unknown room", () => ({ path: "/api/rooms/no-such-room", method: "GET" }), { anonymous: 401, employee: 404, invitee: 404, owner: 404, admin: 404 }],
  ];

  for (const [what, request, expected] of table) {
    for (const who of Object.keys(expected) as Who[]) {
      it(`${what} as ${who} → ${expected[who]}`, async () => {
        const { path, method, body } = request({ org: orgRoomId, priv: privateRoomId });
        const response = await callApi(path, { as: as(who), method, body });
        expect(response.status).toBe(expected[who]);
        if (response.status >= 400) {
          expect(response.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        }
      });
    }
  }

  it.each<[Who, number]>([
    ["anonymous", 401],
    ["employee", 403],
    ["invitee", 403],
    ["owner", 204],
    ["admin", 204],
  ])("delete a room as %s → %i", async (who, status) => {
    const roomId = await createRoom(people.owner, { name: `Delete as ${who}` });
    expect((await callApi(`/api/rooms/${roomId}`, { as: as(who), method: "DELETE" })).status).toBe(status);
    const stillThere = await prisma.room.count({ where: { id: roomId } });
    expect(stillThere).toBe(status === 204 ? 0 : 1);
  });

  it.each<[Who, number]>([
    ["anonymous", 401],
    ["employee", 404],
    ["invitee", 403],
    ["owner", 204],
    ["admin", 204],
  ])("revoke an invite as %s → %i", async (who, status) => {
    const email = `revoke-${who}@tests.confer.test`;
    await callApi(`/api/rooms/${privateRoomId}/invites`, { as: people.owner, method: "POST", body: { emails: [email] } });
    const response = await callApi(`/api/rooms/${privateRoomId}/invites/${encodeURIComponent(email)}`, { as: as(who), method: "DELETE" });
    expect(response.status).toBe(status);
  });
});

describe("rooms API input handling", () => {
  it("rejects an invalid body with field details and writes nothing", async () => {
    const before = await prisma.room.count({ where: { ownerId: people.owner.id } });
    const response = await callApi("/api/rooms", { as: people.owner, method: "POST", body: { name: "", visibility: "PUBLIC" } });
    expect(response.status).toBe(400);
    expect(response.body.error?.code).toBe("invalid_request");
    expect(JSON.stringify(response.body.error)).toContain("visibility");
    expect(await prisma.room.count({ where: { ownerId: people.owner.id } })).toBe(before);
  });

  it("rejects malformed JSON", async () => {
    const response = await callApi("/api/rooms", { as: people.owner, method: "POST", rawBody: "{not json" });
    expect(response.status).toBe(400);
  });

  it("rejects an oversized body with 413", async () => {
    const response = await callApi("/api/rooms", { as: people.owner, method: "POST", body: { name: "big", description: "x".repeat(20_000) } });
    expect(response.status).toBe(413);
    expect(response.body.error?.code).toBe("payload_too_large");
  });

  it("refuses fields that are not the owner's to set", async () => {
    const response = await callApi(`/api/rooms/${orgRoomId}`, { as: people.owner, method: "PATCH", body: { ownerId: people.employee.id } });
    expect(response.status).toBe(400);
  });

  it("paginates with a cursor and never repeats a room", async () => {
    for (let index = 0; index < 3; index += 1) await createRoom(people.owner, { name: `Page ${index}` });
    const first = await callApi("/api/rooms?scope=owned&limit=2", { as: people.owner });
    expect(first.status).toBe(200);
    const firstIds = (first.body.rooms as Array<{ id: string }>).map((room) => room.id);
    expect(firstIds).toHaveLength(2);
    const second = await callApi(`/api/rooms?scope=owned&limit=2&cursor=${first.body.nextCursor}`, { as: people.owner });
    const secondIds = (second.body.rooms as Array<{ id: string }>).map((room) => room.id);
    expect(secondIds.length).toBeGreaterThan(0);
    expect(secondIds.some((id) => firstIds.includes(id))).toBe(false);
  });

  it("hides invite-only rooms from other employees' lists", async () => {
    const list = await callApi("/api/rooms?limit=100", { as: people.employee });
    const ids = (list.body.rooms as Array<{ id: string }>).map((room) => room.id);
    expect(ids).toContain(orgRoomId);
    expect(ids).not.toContain(privateRoomId);
  });
});
