import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { requireStackEnv } from "../../support/stack-env";

const appUrl = requireStackEnv("CONFER_APP_URL");
const cleanupSecret = requireStackEnv("CLEANUP_SECRET");
// The test stack sets ANALYTICS_RAW_RETENTION_DAYS=3650 (scripts/stack/stack.ts) so this prune, against the real
// "now", only reaches samples older than ten years: other tests' fixed-date samples are left alone.
const retentionDays = 3650;
const DAY_MS = 86_400_000;
const meetingId = `ret-${randomUUID()}`;
const oldAt = new Date(Date.now() - (retentionDays + 5) * DAY_MS);
const keptAt = new Date(Date.now() - (retentionDays - 5) * DAY_MS);

beforeAll(async () => {
  await prisma.meeting.create({
    data: {
      id: meetingId,
      title: "Retention",
      startedAt: oldAt,
      endedAt: keptAt,
      qualitySamples: {
        create: [oldAt, oldAt, keptAt].map((at) => ({ participationId: `${meetingId}-a`, peerParticipationId: `${meetingId}-b`, at, score: 1 })),
      },
      meetingMinutes: {
        create: { minute: new Date(Math.floor(oldAt.getTime() / 60_000) * 60_000), samples: 2, poorSamples: 2, scoreSum: 2, lossPctSum: 0, rttMsSum: 0, jitterMsSum: 0, participants: 2 },
      },
      qualityIssues: {
        create: { kind: "PACKET_LOSS", severity: "WARNING", startedAt: oldAt, endedAt: keptAt, affectedIds: [`${meetingId}-a`], suspectedCause: "UNKNOWN", evidence: {} },
      },
    },
  });
});

afterAll(async () => {
  await prisma.meeting.deleteMany({ where: { id: meetingId } });
});

function prune(authorization?: string) {
  return fetch(new URL("/api/internal/cleanup/samples", appUrl), { method: "POST", headers: authorization ? { authorization } : {} });
}

describe("raw sample retention", () => {
  it("refuses a missing or wrong bearer and deletes nothing", async () => {
    expect((await prune()).status).toBe(401);
    expect((await prune(`Bearer ${"x".repeat(cleanupSecret.length)}`)).status).toBe(401);
    expect(await prisma.qualitySample.count({ where: { meetingId } })).toBe(3);
  });

  it("deletes samples older than the retention and keeps newer samples, rollups and issues", async () => {
    const response = await prune(`Bearer ${cleanupSecret}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { deleted: number; retentionDays: number };
    expect(body.retentionDays).toBe(retentionDays);
    expect(body.deleted).toBeGreaterThanOrEqual(2);
    const left = await prisma.qualitySample.findMany({ where: { meetingId }, select: { at: true } });
    expect(left.map((s) => s.at)).toEqual([keptAt]);
    expect(await prisma.meetingQualityMinute.count({ where: { meetingId } })).toBe(1);
    expect(await prisma.qualityIssue.count({ where: { meetingId } })).toBe(1);
  });
});
