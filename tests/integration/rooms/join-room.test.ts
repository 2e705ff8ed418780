import { afterAll, beforeAll, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { PROTOCOL_VERSION } from "@/lib/signaling";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";
import { PartyClient, roomSocketUrl } from "../party/party-client";

let owner: TestUser;
let guest: TestUser;
let roomId: string;

beforeAll(async () => {
  [owner, guest] = await Promise.all([createTestUser("employee", "join-owner"), createTestUser("employee", "join-guest")]);
  const created = await callApi("/api/rooms", { as: owner, method: "POST", body: { name: "Join path" } });
  roomId = created.body.id as string;
});

afterAll(async () => {
  await prisma.room.deleteMany({ where: { ownerId: owner.id } });
  await deleteTestUsers([owner, guest]);
});

type JoinGrant = { roomId: string; role: string; token: string; expiresAt: string; partyHost: string; iceServers: RTCIceServer[] };

it("issues a short-lived token that the real PartyKit room accepts, with the owner as host", async () => {
  const grant = (await callApi(`/api/rooms/${roomId}/join`, { as: owner, method: "POST" })).body as unknown as JoinGrant;
  expect(grant.role).toBe("host");
  expect(new Date(grant.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(60_000);
  expect(Array.isArray(grant.iceServers)).toBe(true);

  const client = await PartyClient.open(roomSocketUrl(grant.roomId, { token: grant.token }));
  client.send({ type: "hello", v: PROTOCOL_VERSION });
  const welcome = await client.next("welcome");
  expect(welcome.self).toMatchObject({ userId: owner.id, name: owner.name, role: "host" });
  await client.close();
});

it("gives other employees the participant role and TURN credentials bound to them", async () => {
  const grant = (await callApi(`/api/rooms/${roomId}/join`, { as: guest, method: "POST" })).body as unknown as JoinGrant;
  expect(grant.role).toBe("participant");
  const turn = grant.iceServers.find((server) => String(server.urls).startsWith("turn:"));
  if (process.env.TURN_URLS) expect(String(turn?.username)).toMatch(new RegExp(`^\\d+:${guest.id}$`));
});

it("refuses to join an archived or expired room with 410", async () => {
  await prisma.room.update({ where: { id: roomId }, data: { status: "ARCHIVED" } });
  const archived = await callApi(`/api/rooms/${roomId}/join`, { as: guest, method: "POST" });
  expect(archived.status).toBe(410);
  await prisma.room.update({ where: { id: roomId }, data: { status: "ACTIVE", expiresAt: new Date(Date.now() - 1_000) } });
  const expired = await callApi(`/api/rooms/${roomId}/join`, { as: guest, method: "POST" });
  expect(expired.status).toBe(410);
  await prisma.room.update({ where: { id: roomId }, data: { expiresAt: null } });
});

it("reports database and PartyKit reachability without a session", async () => {
  const health = await callApi("/api/health");
  expect(health.status).toBe(200);
  expect(health.body).toMatchObject({ ok: true, database: { ok: true }, partykit: { ok: true } });
});
