import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";

let admin: TestUser;
let employee: TestUser;
let host: TestUser;
const meetingId = `ap-${randomUUID()}`;
const title = `Admin pages ${randomUUID().slice(0, 8)}`;
// A private day far in the past so parallel tests' rows never fall into this range.
const day = new Date(Date.UTC(2001, 0, 1) + Math.floor(Math.random() * 3000) * 86_400_000);
const dayInput = day.toISOString().slice(0, 10);
const hostPid = `${meetingId}-host`;
const guestPid = `${meetingId}-guest`;

beforeAll(async () => {
  [admin, employee, host] = await Promise.all([
    createTestUser("admin", "ap-admin"),
    createTestUser("employee", "ap-employee"),
    createTestUser("employee", "ap-host"),
  ]);
  await prisma.meeting.create({
    data: {
      id: meetingId,
      title,
      startedAt: day,
      endedAt: new Date(day.getTime() + 600_000),
      participations: {
        create: [
          { id: hostPid, userId: host.id, displayName: "Hana Host", role: "HOST", joinedAt: day, leftAt: new Date(day.getTime() + 600_000) },
          { id: guestPid, userId: employee.id, displayName: "Gus Guest", role: "PARTICIPANT", joinedAt: day },
        ],
      },
      qualityMinutes: {
        create: [0, 1].map((i) => ({
          participationId: guestPid,
          minute: new Date(day.getTime() + i * 60_000),
          samples: 12,
          poorSamples: i === 0 ? 12 : 0,
          scoreSum: i === 0 ? 12 : 36,
          lossPctSum: i === 0 ? 120 : 0,
          lossPctMax: i === 0 ? 15 : 0,
          jitterMsSum: 120,
          rttMsSum: 1200,
          bitrateInKbpsSum: 6000,
          bitrateOutKbpsSum: 6000,
          fpsSum: 300,
        })),
      },
      meetingMinutes: {
        create: [0, 1].map((i) => ({
          minute: new Date(day.getTime() + i * 60_000),
          samples: 12,
          poorSamples: i === 0 ? 12 : 0,
          scoreSum: i === 0 ? 12 : 36,
          lossPctSum: 0,
          rttMsSum: 0,
          jitterMsSum: 0,
          participants: 1,
        })),
      },
      qualityIssues: {
        create: {
          kind: "PACKET_LOSS",
          severity: "CRITICAL",
          startedAt: day,
          endedAt: new Date(day.getTime() + 60_000),
          affectedIds: [guestPid],
          suspectedCause: "SENDER_UPLINK",
          causeParticipationId: hostPid,
          evidence: { lossPct: 10 },
        },
      },
    },
  });
});

afterAll(async () => {
  await prisma.meeting.deleteMany({ where: { id: meetingId } });
  await deleteTestUsers([admin, employee, host]);
});

const range = `from=${dayInput}&to=${dayInput}`;

describe("admin analytics pages", () => {
  it("shows admins the overview for the range", async () => {
    const res = await callApi(`/admin?${range}`, { as: admin });
    expect(res.status).toBe(200);
    const html = String(res.body);
    expect(html).toContain("Analytics overview");
    expect(html).toContain("PACKET_LOSS");
    expect(html).toContain("1 meetings over 1 active days");
  });

  it("lists the meeting, worst first and filtered to meetings with issues", async () => {
    const res = await callApi(`/admin/meetings?${range}&sort=worst&issues=1`, { as: admin });
    expect(res.status).toBe(200);
    const html = String(res.body);
    expect(html).toContain(title);
    expect(html).toContain(`/admin/meetings/${meetingId}`);
  });

  it("filters by host (name or email, part of it) and by minutes in poor quality, and names the host", async () => {
    const listed = async (query: string) => String((await callApi(`/admin/meetings?${range}&${query}`, { as: admin })).body).includes(title);
    expect(await listed(`host=${encodeURIComponent(host.email.slice(0, 12).toUpperCase())}`)).toBe(true);
    expect(await listed(`host=${encodeURIComponent(host.name)}`)).toBe(true);
    expect(await listed(`host=${encodeURIComponent(employee.email)}`)).toBe(false); // took part, but not as a host
    expect(await listed("host=%25")).toBe(false); // a typed % is a percent sign, not "anything"
    expect(await listed("poor=1")).toBe(true);
    await prisma.meetingQualityMinute.updateMany({ where: { meetingId }, data: { poorSamples: 0 } });
    try {
      expect(await listed("poor=1")).toBe(false);
    } finally {
      await prisma.meetingQualityMinute.updateMany({ where: { meetingId, minute: day }, data: { poorSamples: 12 } });
    }
    const html = String((await callApi(`/admin/meetings?${range}`, { as: admin })).body);
    expect(html).toMatch(/<td[^>]*>Hana Host<\/td>/);
  });

  it("renders the post-call report for admins and the meeting's host", async () => {
    for (const user of [admin, host]) {
      const res = await callApi(`/admin/meetings/${meetingId}`, { as: user });
      expect(res.status).toBe(200);
      const html = String(res.body);
      expect(html).toContain(title);
      expect(html).toContain("Gus Guest");
      expect(html).toContain("PACKET_LOSS");
      expect(html).toContain("SENDER_UPLINK");
      // Per-minute averages: 120 / 12 = 10 % loss in the worst minute.
      expect(html).toContain("Worst minute: 10 % loss, 100 ms round-trip");
    }
  });

  it("refuses employees with a 404 and sends visitors to sign in", async () => {
    expect((await callApi(`/admin?${range}`, { as: employee })).status).toBe(404);
    expect((await callApi(`/admin/meetings?${range}`, { as: employee })).status).toBe(404);
    // A participant who never hosted may not open the report either.
    expect((await callApi(`/admin/meetings/${meetingId}`, { as: employee })).status).toBe(404);
    const anonymous = await callApi(`/admin`);
    expect([303, 307]).toContain(anonymous.status);
  });
});
