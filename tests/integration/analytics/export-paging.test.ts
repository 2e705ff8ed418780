import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { SAMPLE_PAGE_SIZE } from "@/lib/server/analytics/exports/export-meeting-samples";
import { requireStackEnv } from "../../support/stack-env";
import { createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";

let admin: TestUser;
const meetingId = `exp-${randomUUID()}`;
const t0 = Date.UTC(2004, 1, 2, 8, 0, 0);
// Seven samples share each instant, so page boundaries (multiples of 5,000) fall inside a group of equal `at`:
// only a cursor on (at, id) gets those right. Instants are inserted in a shuffled order, so id order ≠ time order.
const PER_INSTANT = 7;
const TOTAL = 12_348;
const reporters = Array.from({ length: PER_INSTANT }, (_, i) => `${meetingId}-p${i}`);
let expectedIds: string[] = [];

beforeAll(async () => {
  admin = await createTestUser("admin", "exp-admin");
  await prisma.meeting.create({
    data: {
      id: meetingId,
      title: "Paging",
      startedAt: new Date(t0),
      endedAt: new Date(t0 + 3_600_000),
      participations: { create: reporters.map((id, i) => ({ id, displayName: `Person ${i}`, role: "PARTICIPANT" as const, joinedAt: new Date(t0) })) },
    },
  });
  const instants = Array.from({ length: Math.ceil(TOTAL / PER_INSTANT) }, (_, i) => i);
  // A fixed shuffle (multiplying by a number coprime to the count permutes the indices).
  const shuffled = instants.map((i) => (i * 7919) % instants.length);
  const rows = shuffled.flatMap((instant) =>
    reporters.map((participationId, r) => ({ meetingId, participationId, at: new Date(t0 + instant * 1000), score: (instant + r) % 4, rttMs: instant })),
  ).slice(0, TOTAL);
  for (let i = 0; i < rows.length; i += 5_000) await prisma.qualitySample.createMany({ data: rows.slice(i, i + 5_000) });
  const stored = await prisma.qualitySample.findMany({ where: { meetingId }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true } });
  expectedIds = stored.map((s) => s.id.toString());
}, 120_000);

afterAll(async () => {
  await prisma.meeting.deleteMany({ where: { id: meetingId } });
  await deleteTestUsers([admin]);
});

async function download(format: "csv" | "json") {
  const response = await fetch(new URL(`/api/admin/meetings/${meetingId}/export/samples?format=${format}`, requireStackEnv("CONFER_APP_URL")), {
    headers: { cookie: admin.cookie },
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe("sample export paging", () => {
  it("covers more than two pages", () => {
    expect(expectedIds).toHaveLength(TOTAL);
    expect(TOTAL).toBeGreaterThan(2 * SAMPLE_PAGE_SIZE);
  });

  it("writes every sample once, in (at, id) order, as CSV", async () => {
    const lines = (await download("csv")).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.shift()).toMatch(/^\uFEFF?sample_id,at,reporter_id,/);
    expect(lines).toHaveLength(TOTAL);
    const rows = lines.map((line) => {
      const [id = "", at = "", reporter = "", name = "", , , , , , rtt = ""] = line.split(",");
      return { id, at: Date.parse(at), reporter, name, rtt: Number(rtt) };
    });
    expect(rows.map((row) => row.id)).toEqual(expectedIds);
    rows.forEach((row, i) => {
      if (i > 0) expect(row.at).toBeGreaterThanOrEqual(rows[i - 1]!.at);
      // Names come from the participants, rtt is the instant's index: each row's cells belong together.
      expect(row.name).toBe(`Person ${reporters.indexOf(row.reporter)}`);
      expect(row.rtt).toBe((row.at - t0) / 1000);
    });
  });

  it("writes every sample once, in (at, id) order, as a JSON array", async () => {
    const samples = JSON.parse(await download("json")) as { id: string; at: string }[];
    expect(samples.map((s) => s.id)).toEqual(expectedIds);
  });
});
