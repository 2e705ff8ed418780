import { afterAll, beforeAll, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { seedTemplates } from "@/lib/domain/seed-templates";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";

let organizer: TestUser;
let invitee: TestUser;
let outsider: TestUser;
let templateId: string;

const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

beforeAll(async () => {
  [organizer, invitee, outsider] = await Promise.all([
    createTestUser("employee", "sched-organizer"),
    createTestUser("employee", "sched-invitee"),
    createTestUser("employee", "sched-outsider"),
  ]);
  const interview = seedTemplates.find((template) => template.seedKey === "interview")!;
  const template = await callApi("/api/templates", { as: organizer, method: "POST", body: { name: "Interview (sched test)", policy: interview.policy } });
  templateId = template.body.id as string;
});

afterAll(async () => {
  await prisma.room.deleteMany({ where: { ownerId: organizer.id } });
  await deleteTestUsers([organizer, invitee, outsider]);
});

it("finds people in the directory by name or email, session required", async () => {
  const byEmail = await callApi(`/api/users?query=${encodeURIComponent(invitee.email)}`, { as: organizer });
  expect(byEmail.status).toBe(200);
  expect((byEmail.body as unknown as { id: string }[]).map((user) => user.id)).toEqual([invitee.id]);
  expect((await callApi(`/api/users?query=${encodeURIComponent(invitee.email)}`)).status).toBe(401);
  expect((await callApi("/api/users?query=", { as: organizer })).status).toBe(400);
});

it("schedules from a template: invitee sees it under Upcoming; .ics follows edits and cancellation", async () => {
  const startsAt = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
  startsAt.setUTCSeconds(0, 0);
  const created = await callApi("/api/schedules", {
    as: organizer,
    method: "POST",
    body: { title: "Panel interview", templateId, startsAt: startsAt.toISOString(), durationMinutes: 60, timeZone: "Europe/Paris", weeklyOccurrences: 3, inviteeIds: [invitee.id] },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;

  // The room copies the template's policy; invite-only, with the invitee invited; expiry from the policy.
  const room = await prisma.room.findUniqueOrThrow({ where: { id: (created.body.room as { id: string }).id }, include: { invites: true } });
  expect(room).toMatchObject({ templateId, visibility: "INVITE_ONLY" });
  expect(room.invites.map((invite) => invite.email)).toEqual([invitee.email.toLowerCase()]);
  expect(room.expiresAt).not.toBeNull();

  const upcoming = await callApi("/api/schedules", { as: invitee });
  expect((upcoming.body as unknown as { id: string; nextStartsAt: string }[]).find((s) => s.id === id)).toMatchObject({
    nextStartsAt: startsAt.toISOString(),
  });
  expect(((await callApi("/api/schedules", { as: outsider })).body as unknown as { id: string }[]).map((s) => s.id)).not.toContain(id);
  expect((await callApi(`/api/schedules/${id}/ics`, { as: outsider })).status).toBe(404);

  const first = await callApi(`/api/schedules/${id}/ics`, { as: invitee });
  expect(first.status).toBe(200);
  const ics = unfold(first.body as unknown as string);
  const uid = /UID:(.+)\r\n/.exec(ics)?.[1];
  expect(uid).toBeTruthy();
  expect(ics).toContain("SEQUENCE:0");
  expect(ics).toContain("RRULE:FREQ=WEEKLY;COUNT=3");
  expect(ics).toContain(`/rooms/${room.slug}`);
  expect(ics).toMatch(new RegExp(`ATTENDEE;[^\\r\\n]*:mailto:${invitee.email}`, "i"));

  expect((await callApi(`/api/schedules/${id}`, { as: invitee, method: "PATCH", body: { title: "Hijack" } })).status).toBe(403);
  expect((await callApi(`/api/schedules/${id}`, { as: organizer, method: "PATCH", body: { durationMinutes: 1 } })).status).toBe(400);
  const edited = await callApi(`/api/schedules/${id}`, { as: organizer, method: "PATCH", body: { title: "Panel interview (moved)", durationMinutes: 90 } });
  expect(edited.status).toBe(200);
  const afterEdit = unfold((await callApi(`/api/schedules/${id}/ics`, { as: organizer })).body as unknown as string);
  expect(afterEdit).toContain(`UID:${uid}`);
  expect(afterEdit).toContain("SEQUENCE:1");
  expect(afterEdit).toContain("SUMMARY:Panel interview (moved)");
  expect(afterEdit).toContain("METHOD:REQUEST");

  expect((await callApi(`/api/schedules/${id}`, { as: invitee, method: "DELETE" })).status).toBe(403);
  expect((await callApi(`/api/schedules/${id}`, { as: organizer, method: "DELETE" })).status).toBe(200);
  const cancelled = unfold((await callApi(`/api/schedules/${id}/ics`, { as: invitee })).body as unknown as string);
  expect(cancelled).toContain(`UID:${uid}`);
  expect(cancelled).toContain("SEQUENCE:2");
  expect(cancelled).toContain("METHOD:CANCEL");
  expect(cancelled).toContain("STATUS:CANCELLED");
  expect(((await callApi("/api/schedules", { as: invitee })).body as unknown as { id: string }[]).map((s) => s.id)).not.toContain(id);
});

it("an invitee taken off the invitation loses the invite-only room; one added gains it", async () => {
  const created = await callApi("/api/schedules", {
    as: organizer,
    method: "POST",
    body: { title: "Shrinking panel", templateId, startsAt: new Date(Date.now() + 3_600_000).toISOString(), durationMinutes: 30, timeZone: "UTC", inviteeIds: [invitee.id] },
  });
  expect(created.status).toBe(201);
  const roomId = (created.body.room as { id: string }).id;
  expect((await callApi(`/api/rooms/${roomId}/join`, { as: invitee, method: "POST" })).status).toBe(200);
  expect((await callApi(`/api/rooms/${roomId}/join`, { as: outsider, method: "POST" })).status).toBe(404);

  const edited = await callApi(`/api/schedules/${created.body.id as string}`, { as: organizer, method: "PATCH", body: { inviteeIds: [outsider.id] } });
  expect(edited.status).toBe(200);
  expect((await callApi(`/api/rooms/${roomId}/join`, { as: invitee, method: "POST" })).status).toBe(404);
  expect((await callApi(`/api/rooms/${roomId}/join`, { as: outsider, method: "POST" })).status).toBe(200);
  expect((await prisma.roomInvite.findMany({ where: { roomId } })).map((invite) => invite.email)).toEqual([outsider.email.toLowerCase()]);
});

it("refuses unknown invitees and time zones", async () => {
  const base = { title: "Bad", templateId, startsAt: new Date(Date.now() + 3_600_000).toISOString(), durationMinutes: 30, timeZone: "Europe/Paris" };
  expect((await callApi("/api/schedules", { as: organizer, method: "POST", body: { ...base, inviteeIds: ["nobody"] } })).status).toBe(400);
  expect((await callApi("/api/schedules", { as: organizer, method: "POST", body: { ...base, timeZone: "Mars/Olympus" } })).status).toBe(400);
});

it("reminds invitees and the organizer from the room's reminder time until the start, and nobody else", async () => {
  const schedule = (minutesAhead: number, title: string) =>
    callApi("/api/schedules", {
      as: organizer,
      method: "POST",
      body: { title, templateId, startsAt: new Date(Date.now() + minutesAhead * 60_000).toISOString(), durationMinutes: 30, timeZone: "UTC", inviteeIds: [invitee.id] },
    });
  // The interview template keeps the default reminder (10 min).
  const soon = await schedule(5, "Reminder soon");
  const later = await schedule(60, "Reminder later");
  expect([soon.status, later.status]).toEqual([201, 201]);

  const titles = async (as: TestUser) => ((await callApi("/api/schedules/reminders", { as })).body as unknown as { title: string }[]).map((due) => due.title);
  expect(await titles(invitee)).toEqual(["Reminder soon"]);
  expect(await titles(organizer)).toEqual(["Reminder soon"]);
  expect(await titles(outsider)).toEqual([]);
  expect((await callApi("/api/schedules/reminders")).status).toBe(401);
});
