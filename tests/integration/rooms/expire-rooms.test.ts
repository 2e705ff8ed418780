import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { requireStackEnv } from "../../support/stack-env";
import { seedTemplates } from "@/lib/domain/seed-templates";
import { PROTOCOL_VERSION } from "@/lib/signaling";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";
import { clientRegistry, PartyClient, roomSocketUrl } from "../party/party-client";
import { waitForMeetingsToEnd } from "../../support/meeting-records";

const appUrl = requireStackEnv("CONFER_APP_URL");
const cleanupSecret = requireStackEnv("CLEANUP_SECRET");
const clients = clientRegistry();

let owner: TestUser;
let invitee: TestUser;
const roomIds: string[] = [];

beforeAll(async () => {
  [owner, invitee] = await Promise.all([createTestUser("employee", "expiry-owner"), createTestUser("employee", "expiry-invitee")]);
});

afterAll(async () => {
  await clients.leaveAll();
  await waitForMeetingsToEnd(roomIds);
  await prisma.auditLog.deleteMany({ where: { action: "room.expired", targetId: { in: roomIds } } });
  await prisma.meeting.deleteMany({ where: { roomId: { in: roomIds } } });
  await prisma.room.deleteMany({ where: { id: { in: roomIds } } });
  await prisma.roomTemplate.deleteMany({ where: { ownerId: owner.id } });
  await deleteTestUsers([owner, invitee]);
});

async function expiredRoom(label: string) {
  const room = await prisma.room.create({
    data: { slug: `it-expiry-${label}-${randomUUID()}`, name: `Expiry ${label}`, ownerId: owner.id, expiresAt: new Date(Date.now() - 60_000) },
  });
  roomIds.push(room.id);
  return room;
}

function cleanup(authorization?: string) {
  return fetch(new URL("/api/internal/cleanup", appUrl), { method: "POST", headers: authorization ? { authorization } : {} });
}

// One test: the job expires every due room at once, so runs in parallel would race over the same rooms.
describe("room expiry job", { timeout: 30_000 }, () => {
  it("refuses a missing or wrong bearer, then closes, deletes or archives expired rooms and audits them", async () => {
    const neverMet = await expiredRoom("never-met");
    const hadMeeting = await expiredRoom("had-meeting");
    await prisma.meeting.create({
      data: { id: `it-${randomUUID()}`, roomId: hadMeeting.id, title: "Earlier", startedAt: new Date(Date.now() - 3_600_000), endedAt: new Date(Date.now() - 3_000_000), endReason: "EMPTY" },
    });
    // Seated in the room that already met: a live meeting's own record would make the other room "met" too.
    const seated = clients.track(await PartyClient.join(hadMeeting.id, { name: "Still here" }));

    expect((await cleanup()).status).toBe(401);
    expect((await cleanup(`Bearer ${"x".repeat(cleanupSecret.length)}`)).status).toBe(401);
    expect((await cleanup(cleanupSecret)).status).toBe(401);
    expect(await prisma.room.count({ where: { id: { in: [neverMet.id, hadMeeting.id] }, status: "ACTIVE" } })).toBe(2);
    expect(await prisma.auditLog.count({ where: { action: "room.expired", targetId: { in: roomIds } } })).toBe(0);
    seated.client.send({ type: "ping" });
    await seated.client.next("pong");

    const response = await cleanup(`Bearer ${cleanupSecret}`);
    expect(response.status).toBe(200);
    const result = (await response.json()) as { deleted: string[]; archived: string[]; failed: string[] };
    expect(result.deleted).toContain(neverMet.id);
    expect(result.archived).toContain(hadMeeting.id);
    expect(result.failed).not.toContain(hadMeeting.id);

    expect((await seated.client.closed).code).toBe(4007);
    expect(await prisma.room.findUnique({ where: { id: neverMet.id } })).toBeNull();
    expect((await prisma.room.findUniqueOrThrow({ where: { id: hadMeeting.id } })).status).toBe("ARCHIVED");
    // PartyKit records the meeting it closed: ended "closed", and the seated participant left with it.
    const deadline = Date.now() + 15_000;
    let closedMeeting = await prisma.meeting.findFirst({ where: { roomId: hadMeeting.id, endReason: "CLOSED" }, include: { participations: true } });
    while (closedMeeting === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      closedMeeting = await prisma.meeting.findFirst({ where: { roomId: hadMeeting.id, endReason: "CLOSED" }, include: { participations: true } });
    }
    expect(closedMeeting?.participations.map(({ id, leaveReason }) => ({ id, leaveReason }))).toEqual([{ id: seated.welcome.self.id, leaveReason: "closed" }]);
    const audits = await prisma.auditLog.findMany({ where: { action: "room.expired", targetId: { in: roomIds } } });
    expect(audits.map(({ targetId, actorId, data }) => ({ targetId, actorId, data })).sort((a, b) => a.targetId.localeCompare(b.targetId))).toEqual(
      [
        { targetId: neverMet.id, actorId: null, data: { slug: neverMet.slug, outcome: "deleted" } },
        { targetId: hadMeeting.id, actorId: null, data: { slug: hadMeeting.slug, outcome: "archived" } },
      ].sort((a, b) => a.targetId.localeCompare(b.targetId)),
    );
  });

  it("a scheduled meeting: its invitee sees it on the dashboard; once its expiry passes the job closes its PartyKit room and archives it", async () => {
    const team = seedTemplates.find((template) => template.seedKey === "team-meeting")!;
    const template = await callApi("/api/templates", {
      as: owner,
      method: "POST",
      body: { name: "Expiring team meeting", policy: { ...team.policy, expiry: { kind: "after-scheduled-end", days: 1 } } },
    });
    expect(template.status).toBe(201);
    const startsAt = new Date(Date.now() + 24 * 60 * 60 * 1000);
    startsAt.setUTCSeconds(0, 0);
    const title = `Quarterly review ${randomUUID().slice(0, 8)}`;
    const created = await callApi("/api/schedules", {
      as: owner,
      method: "POST",
      body: { title, templateId: template.body.id, startsAt: startsAt.toISOString(), durationMinutes: 30, timeZone: "Europe/Berlin", inviteeIds: [invitee.id] },
    });
    expect(created.status).toBe(201);
    const roomId = (created.body.room as { id: string }).id;
    roomIds.push(roomId);

    const dashboard = await fetch(new URL("/", appUrl), { headers: { cookie: invitee.cookie } });
    expect(dashboard.status).toBe(200);
    const html = await dashboard.text();
    expect(html).toContain("Upcoming");
    expect(html).toContain(title);

    // The invitee joins through the real join API, then the meeting's date moves two days into the past: its
    // expiry (one day after the scheduled end) has passed while they are still in the room.
    const grant = await callApi(`/api/rooms/${roomId}/join`, { as: invitee, method: "POST" });
    expect(grant.status).toBe(200);
    const client = clients.track(await PartyClient.open(roomSocketUrl(roomId, { token: grant.body.token as string })));
    client.send({ type: "hello", v: PROTOCOL_VERSION });
    const welcome = await client.next("welcome");
    await prisma.scheduledMeeting.update({ where: { id: created.body.id as string }, data: { startsAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000) } });

    const response = await cleanup(`Bearer ${cleanupSecret}`);
    expect(response.status).toBe(200);
    const result = (await response.json()) as { deleted: string[]; archived: string[]; failed: string[] };
    // Archived, not deleted: the live meeting's records reached the app before PartyKit confirmed the close.
    expect(result.archived).toContain(roomId);
    expect((await client.closed).code).toBe(4007);
    expect((await prisma.room.findUniqueOrThrow({ where: { id: roomId } })).status).toBe("ARCHIVED");
    const meeting = await prisma.meeting.findFirstOrThrow({ where: { roomId }, include: { participations: true } });
    expect(meeting.endReason).toBe("CLOSED");
    expect(meeting.participations.map(({ id, userId, leaveReason }) => ({ id, userId, leaveReason }))).toEqual([
      { id: welcome.self.id, userId: invitee.id, leaveReason: "closed" },
    ]);
    // Gone for the invitee: the join API refuses and the dashboard no longer lists it.
    expect((await callApi(`/api/rooms/${roomId}/join`, { as: invitee, method: "POST" })).status).toBeGreaterThanOrEqual(400);
    expect(await (await fetch(new URL("/", appUrl), { headers: { cookie: invitee.cookie } })).text()).not.toContain(title);
  });
});
