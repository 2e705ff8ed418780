import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { ANALYTICS_INGEST_PATH, type AnalyticsBatch, type QualitySampleInput } from "@/lib/internal-api/analytics-batch";
import { INTERNAL_AUDIENCES, signInternalRequest } from "@/lib/internal-api/internal-signature";
import { requireStackEnv } from "../../support/stack-env";

const appUrl = requireStackEnv("CONFER_APP_URL");
const secret = requireStackEnv("PARTY_SECRET");
const meetingId = `it-${randomUUID()}`;
const minute = Date.UTC(2026, 0, 5, 10, 0);

beforeAll(async () => {
  // A live meeting (no endedAt), so ingest does not run the post-call analysis on it.
  await prisma.meeting.create({ data: { id: meetingId, title: "Ingest", startedAt: new Date(minute) } });
});

afterAll(async () => {
  await prisma.meeting.deleteMany({ where: { id: meetingId } });
});

function sample(participantId: string, at: number, overrides: Partial<QualitySampleInput> = {}): QualitySampleInput {
  return {
    meetingId,
    participantId,
    peerId: null,
    at,
    lossPct: 1,
    jitterMs: 10,
    rttMs: 50,
    bitrateInKbps: 800,
    bitrateOutKbps: 700,
    frameWidth: 1280,
    frameHeight: 720,
    fps: 30,
    qualityLimitation: "none",
    codec: "VP8",
    candidateType: "host",
    score: 3,
    ...overrides,
  };
}

async function post(body: string, options: { sign?: boolean } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.sign !== false) headers.authorization = await signInternalRequest(body, secret, INTERNAL_AUDIENCES.app);
  const response = await fetch(new URL(ANALYTICS_INGEST_PATH, appUrl), { method: "POST", headers, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const counts = async () => ({
  samples: await prisma.qualitySample.count({ where: { meetingId } }),
  features: await prisma.featureEvent.count({ where: { meetingId } }),
  participantMinutes: await prisma.participantQualityMinute.count({ where: { meetingId } }),
  meetingMinutes: await prisma.meetingQualityMinute.count({ where: { meetingId } }),
});

// Sequential: each step checks what the previous ones left in this one meeting.
describe("POST /api/internal/analytics", () => {
  it("stores a signed batch with its minute rollups, once, even when it is replayed", async () => {
    const batch: AnalyticsBatch = {
      batchId: randomUUID(),
      samples: [
        sample("p-ann", minute + 5_000, { lossPct: 2 }),
        sample("p-ann", minute + 15_000, { lossPct: 8, score: 1 }),
        sample("p-bob", minute + 20_000),
        sample("p-bob", minute + 65_000),
      ],
      features: [{ meetingId, participantId: "p-ann", at: minute + 10_000, feature: "mute", detail: null }],
    };
    const body = JSON.stringify(batch);
    expect(await post(body)).toEqual({ status: 200, body: { duplicate: false, samples: 4, features: 1, skippedUnknownMeeting: 0 } });
    expect(await counts()).toEqual({ samples: 4, features: 1, participantMinutes: 3, meetingMinutes: 2 });

    const first = await prisma.meetingQualityMinute.findUniqueOrThrow({ where: { meetingId_minute: { meetingId, minute: new Date(minute) } } });
    expect(first).toMatchObject({ samples: 3, poorSamples: 1, scoreSum: 7, participants: 2 });
    const ann = await prisma.participantQualityMinute.findUniqueOrThrow({
      where: { participationId_minute: { participationId: "p-ann", minute: new Date(minute) } },
    });
    expect(ann).toMatchObject({ samples: 2, lossPctSum: 10, lossPctMax: 8 });

    expect(await post(body)).toEqual({ status: 200, body: { duplicate: true, samples: 0, features: 0, skippedUnknownMeeting: 0 } });
    expect(await counts()).toEqual({ samples: 4, features: 1, participantMinutes: 3, meetingMinutes: 2 });
    expect((await prisma.meetingQualityMinute.findUniqueOrThrow({ where: { meetingId_minute: { meetingId, minute: new Date(minute) } } })).samples).toBe(3);
  });

  it("skips items of an unknown meeting without failing the batch", async () => {
    const before = await counts();
    const batch: AnalyticsBatch = { batchId: randomUUID(), samples: [sample("p-ann", minute + 120_000), { ...sample("p-x", minute), meetingId: `gone-${randomUUID()}` }], features: [] };
    expect(await post(JSON.stringify(batch))).toEqual({ status: 200, body: { duplicate: false, samples: 1, features: 0, skippedUnknownMeeting: 1 } });
    expect((await counts()).samples).toBe(before.samples + 1);
  });

  it("refuses malformed, unsigned and oversized batches and writes nothing", async () => {
    const before = await counts();
    const valid = (): AnalyticsBatch => ({ batchId: randomUUID(), samples: [sample("p-ann", minute + 30_000)], features: [] });

    expect((await post("{nope")).status).toBe(400);
    expect((await post(JSON.stringify({ ...valid(), samples: [{ ...sample("p-ann", minute), score: 9 }] }))).status).toBe(400);
    expect((await post(JSON.stringify({ batchId: randomUUID(), samples: [], features: [] }))).status).toBe(400);
    const unsigned = valid();
    expect((await post(JSON.stringify(unsigned), { sign: false })).status).toBe(401);
    const forged = JSON.stringify(valid());
    const response = await fetch(new URL(ANALYTICS_INGEST_PATH, appUrl), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: await signInternalRequest(forged, "y".repeat(48), INTERNAL_AUDIENCES.app) },
      body: forged,
    });
    expect(response.status).toBe(401);
    const oversized = valid();
    expect((await post(JSON.stringify({ ...oversized, pad: "x".repeat(5 * 1024 * 1024) }))).status).toBe(413);

    expect(await counts()).toEqual(before);
    expect(await prisma.ingestBatch.count({ where: { id: { in: [unsigned.batchId, oversized.batchId] } } })).toBe(0);
  });
});
