import { afterAll, beforeAll, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { defaultRoomPolicy, type RoomPolicy } from "@/lib/domain/room-policy";
import { verifyJoinToken } from "@/lib/join-token/verify-join-token";
import { PROTOCOL_VERSION } from "@/lib/signaling";
import { clientRegistry, PartyClient, roomSocketUrl } from "../party/party-client";
import { requireStackEnv } from "../../support/stack-env";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";

const DAY = 24 * 60 * 60 * 1000;

let owner: TestUser;
let guest: TestUser;

beforeAll(async () => {
  [owner, guest] = await Promise.all([createTestUser("employee", "policy-owner"), createTestUser("employee", "policy-guest")]);
});

afterAll(async () => {
  await prisma.room.deleteMany({ where: { ownerId: owner.id } });
  await prisma.roomTemplate.deleteMany({ where: { ownerId: owner.id } });
  await deleteTestUsers([owner, guest]);
});

async function createRoom(body: Record<string, unknown>) {
  const created = await callApi("/api/rooms", { as: owner, method: "POST", body: { name: "Policy override", ...body } });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

function patchPolicy(roomId: string, policy: RoomPolicy, extra: Record<string, unknown> = {}, as = owner) {
  return callApi(`/api/rooms/${roomId}`, { as, method: "PATCH", body: { policy, ...extra } });
}

const clients = clientRegistry();
afterAll(() => clients.leaveAll());

const stored = (id: string) => prisma.room.findUniqueOrThrow({ where: { id } });

it("overrides the template's policy for this room only; the next join token carries it", async () => {
  const template = await callApi("/api/templates", { as: owner, method: "POST", body: { name: "Open room", policy: defaultRoomPolicy } });
  const roomId = await createRoom({ templateId: template.body.id });
  const override = { ...defaultRoomPolicy, waitingRoom: true, chatEnabled: false };

  expect((await patchPolicy(roomId, override, {}, guest)).status).toBe(403);
  expect((await patchPolicy(roomId, { ...override, maxParticipants: 1 })).status).toBe(400);
  expect((await patchPolicy(roomId, override)).status).toBe(200);

  expect((await stored(roomId)).policy).toEqual(override);
  expect((await callApi(`/api/templates/${template.body.id}`, { as: owner })).body.policy).toEqual(defaultRoomPolicy);
  expect((await callApi(`/api/rooms/${roomId}`, { as: owner })).body.policy).toEqual(override);
  // Only managers see the policy in the room view.
  expect((await callApi(`/api/rooms/${roomId}`, { as: guest })).body.policy).toBeUndefined();

  const grant = await callApi(`/api/rooms/${roomId}/join`, { as: guest, method: "POST" });
  const verified = await verifyJoinToken(grant.body.token as string, requireStackEnv("PARTY_SECRET"), roomId);
  expect(verified.ok && verified.claims.policy).toEqual(override);
});

it("recomputes expiresAt when the policy's expiry changes, and only then", async () => {
  const roomId = await createRoom({});
  const { createdAt } = await stored(roomId);
  expect((await stored(roomId)).expiresAt).toBeNull();

  const afterLastMeeting = { ...defaultRoomPolicy, expiry: { kind: "after-last-meeting" as const, days: 3 } };
  const saved = await patchPolicy(roomId, afterLastMeeting);
  expect(saved.status).toBe(200);
  // Never met: counts from creation.
  expect((await stored(roomId)).expiresAt).toEqual(new Date(createdAt.getTime() + 3 * DAY));
  expect(saved.body.expiresAt).toBe(new Date(createdAt.getTime() + 3 * DAY).toISOString());

  // The room met since: the rule counts from the last meeting.
  const ended = new Date(Date.now() - DAY);
  await prisma.room.update({ where: { id: roomId }, data: { lastMeetingEndedAt: ended } });
  await patchPolicy(roomId, { ...afterLastMeeting, expiry: { kind: "after-last-meeting", days: 10 } });
  expect((await stored(roomId)).expiresAt).toEqual(new Date(ended.getTime() + 10 * DAY));

  // Same expiry rule, other settings changed: an explicit date set meanwhile stays.
  const explicit = new Date(Date.now() + 40 * DAY);
  expect((await callApi(`/api/rooms/${roomId}`, { as: owner, method: "PATCH", body: { expiresAt: explicit.toISOString() } })).status).toBe(200);
  await patchPolicy(roomId, { ...afterLastMeeting, expiry: { kind: "after-last-meeting", days: 10 }, chatEnabled: false });
  expect((await stored(roomId)).expiresAt).toEqual(explicit);

  // A new rule and a date in one request is ambiguous: refused, nothing changes.
  const both = await patchPolicy(roomId, defaultRoomPolicy, { expiresAt: new Date(Date.now() + DAY).toISOString() });
  expect(both.status).toBe(400);
  expect((await stored(roomId)).expiresAt).toEqual(explicit);

  // "Never" clears the deadline.
  await patchPolicy(roomId, defaultRoomPolicy);
  expect((await stored(roomId)).expiresAt).toBeNull();
});

it("follows the schedule under after-scheduled-end, ignoring cancelled meetings", async () => {
  const roomId = await createRoom({});
  const startsAt = new Date(Date.now() + 2 * DAY);
  startsAt.setUTCSeconds(0, 0);
  await prisma.scheduledMeeting.createMany({
    data: [
      { roomId, organizerId: owner.id, title: "Kept", startsAt, durationMinutes: 60, timeZone: "UTC", weeklyOccurrences: 2, icsUid: `kept-${roomId}@tests` },
      {
        roomId,
        organizerId: owner.id,
        title: "Cancelled",
        startsAt: new Date(startsAt.getTime() + 30 * DAY),
        durationMinutes: 60,
        timeZone: "UTC",
        weeklyOccurrences: 1,
        icsUid: `cancelled-${roomId}@tests`,
        cancelledAt: new Date(),
      },
    ],
  });
  expect((await patchPolicy(roomId, { ...defaultRoomPolicy, expiry: { kind: "after-scheduled-end", days: 1 } })).status).toBe(200);
  // Second weekly occurrence ends one week + one hour after the first start, plus one day.
  expect((await stored(roomId)).expiresAt).toEqual(new Date(startsAt.getTime() + 7 * DAY + 60 * 60_000 + DAY));
});

it("takes the deadline from the template's expiry rule when a room is created from it", async () => {
  const policy = { ...defaultRoomPolicy, expiry: { kind: "after-last-meeting" as const, days: 5 } };
  const template = await callApi("/api/templates", { as: owner, method: "POST", body: { name: "Short-lived", policy } });
  const roomId = await createRoom({ templateId: template.body.id });
  const room = await stored(roomId);
  expect(room.expiresAt).toEqual(new Date(room.createdAt.getTime() + 5 * DAY));
  // An explicit date given at creation is stored as given (the expiry job applies the rule as well).
  const explicit = new Date(Date.now() + 50 * DAY);
  const withDate = await stored(await createRoom({ templateId: template.body.id, expiresAt: explicit.toISOString() }));
  expect(withDate.expiresAt).toEqual(explicit);
});

it("a saved override reaches the meeting in progress at once: media it no longer allows is turned off for everyone", async () => {
  const roomId = await createRoom({ visibility: "ORG" });
  const seat = async (user: TestUser) => {
    const grant = await callApi(`/api/rooms/${roomId}/join`, { as: user, method: "POST" });
    expect(grant.status).toBe(200);
    const client = clients.track(await PartyClient.open(roomSocketUrl(roomId, { token: grant.body.token as string })));
    client.send({ type: "hello", v: PROTOCOL_VERSION });
    return { client, welcome: await client.next("welcome") };
  };
  const host = await seat(owner);
  const member = await seat(guest);
  member.client.send({ type: "media", audio: true, video: true, screen: true });
  await host.client.next("participant-updated");

  const presentersOnly = { ...defaultRoomPolicy, screenShare: "presenters" as const, chatEnabled: false };
  expect((await patchPolicy(roomId, presentersOnly)).status).toBe(200);
  expect(await member.client.next("room-updated")).toMatchObject({ policy: presentersOnly });
  expect(await host.client.next("participant-updated")).toMatchObject({
    participant: { id: member.welcome.self.id, media: { audio: true, video: true, screen: false } },
  });
  member.client.send({ type: "chat", text: "anyone?" });
  expect(await member.client.next("error")).toMatchObject({ code: "forbidden" });
});
