import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";

let admin: TestUser;
let employee: TestUser;
const meetingId = `ov-${randomUUID()}`;
// A private day far in the past so parallel tests' rows never fall into this range.
const day = new Date(Date.UTC(2001, 0, 1) + Math.floor(Math.random() * 3000) * 86_400_000);
const from = day.toISOString();
const to = new Date(day.getTime() + 86_400_000).toISOString();

beforeAll(async () => {
  [admin, employee] = await Promise.all([createTestUser("admin", "ov-admin"), createTestUser("employee", "ov-employee")]);
  await prisma.meeting.create({ data: { id: meetingId, title: "Overview test", startedAt: day, endedAt: new Date(day.getTime() + 600_000) } });
  await prisma.meetingQualityMinute.createMany({
    data: [0, 1].map((i) => ({
      meetingId,
      minute: new Date(day.getTime() + i * 60_000),
      samples: 24,
      poorSamples: i === 0 ? 12 : 0,
      scoreSum: i === 0 ? 48 : 96,
      lossPctSum: 0,
      rttMsSum: 0,
      jitterMsSum: 0,
      participants: 2,
    })),
  });
  await prisma.featureEvent.create({ data: { meetingId, participationId: "p1", at: day, feature: "screen-share" } });
});

afterAll(async () => {
  await prisma.meeting.deleteMany({ where: { id: meetingId } });
  await deleteTestUsers([admin, employee]);
});

describe("GET /api/admin/overview", () => {
  it("gives admins the figures from the rollups", async () => {
    const res = await callApi(`/api/admin/overview?from=${from}&to=${to}`, { as: admin });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.meetingsPerDay).toEqual([{ day: from.slice(0, 10), meetings: 1 }]);
    expect(res.body.participantMinutes).toBe(4);
    expect(res.body.poorShare).toBeCloseTo(12 / 48);
    expect(res.body.scoreDistribution).toEqual([
      { score: 2, minutes: 1 },
      { score: 4, minutes: 1 },
    ]);
    expect(res.body.featureUsage).toEqual([{ feature: "screen-share", events: 1, meetings: 1 }]);
  });

  it("refuses employees and anonymous callers", async () => {
    expect((await callApi(`/api/admin/overview?from=${from}&to=${to}`, { as: employee })).status).toBe(403);
    expect((await callApi(`/api/admin/overview?from=${from}&to=${to}`)).status).toBe(401);
  });
});

describe("POST /api/internal/alerts/evaluate", () => {
  it("refuses a caller without the bearer secret", async () => {
    expect((await callApi("/api/internal/alerts/evaluate", { method: "POST" })).status).toBe(401);
    expect((await callApi("/api/internal/alerts/evaluate", { as: admin, method: "POST" })).status).toBe(401);
  });
});
