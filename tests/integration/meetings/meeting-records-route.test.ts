import { randomUUID } from "node:crypto";
import { afterAll, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { INTERNAL_AUDIENCES, signInternalRequest } from "@/lib/internal-api/internal-signature";
import { MEETING_RECORDS_PATH, type MeetingRecordBatch } from "@/lib/internal-api/meeting-records";
import { requireStackEnv } from "../../support/stack-env";

const appUrl = requireStackEnv("CONFER_APP_URL");
const secret = requireStackEnv("PARTY_SECRET");
const meetingIds: string[] = [];

afterAll(async () => {
  await prisma.meeting.deleteMany({ where: { id: { in: meetingIds } } });
});

function batch(): MeetingRecordBatch {
  const meetingId = `it-${randomUUID()}`;
  meetingIds.push(meetingId);
  const participantId = randomUUID();
  return {
    batchId: randomUUID(),
    roomId: `gone-${randomUUID()}`,
    events: [
      { type: "meeting-started", eventId: `${meetingId}:started`, meetingId, at: 1_000, title: "Records" },
      { type: "participant-joined", eventId: `${meetingId}:${participantId}:joined`, meetingId, participantId, userId: "nobody", name: "Ann", role: "host", admittedBy: null, at: 1_000 },
      { type: "participant-left", eventId: `${meetingId}:${participantId}:left`, meetingId, participantId, reason: "left", at: 5_000 },
      { type: "meeting-ended", eventId: `${meetingId}:ended`, meetingId, reason: "empty", at: 5_000 },
    ],
  };
}

async function post(body: string, authorization?: string) {
  return fetch(new URL(MEETING_RECORDS_PATH, appUrl), {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body,
  });
}

it("records a signed batch once, even when it is sent twice, without a room", async () => {
  const sent = batch();
  const body = JSON.stringify(sent);
  const authorization = await signInternalRequest(body, secret, INTERNAL_AUDIENCES.app);
  expect((await post(body, authorization)).status).toBe(200);
  const again = await post(body, authorization);
  expect(again.status).toBe(200);
  expect(await again.json()).toEqual({ applied: false });
  const meetingId = sent.events[0]!.meetingId;
  const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { participations: true } });
  expect(meeting).toMatchObject({ roomId: null, title: "Records", endReason: "EMPTY" });
  expect(meeting.participations).toHaveLength(1);
  expect(meeting.participations[0]).toMatchObject({ displayName: "Ann", role: "HOST", leaveReason: "left", userId: null });
});

it("refuses unsigned, forged, malformed and oversized batches and writes nothing", async () => {
  const sent = batch();
  const body = JSON.stringify(sent);
  const wrongAudience = await signInternalRequest(body, secret, INTERNAL_AUDIENCES.party);
  const otherBody = await signInternalRequest(JSON.stringify(batch()), secret, INTERNAL_AUDIENCES.app);
  const wrongSecret = await signInternalRequest(body, "x".repeat(40), INTERNAL_AUDIENCES.app);
  expect((await post(body)).status).toBe(401);
  expect((await post(body, wrongAudience)).status).toBe(401);
  expect((await post(body, otherBody)).status).toBe(401);
  expect((await post(body, wrongSecret)).status).toBe(401);

  const malformed = JSON.stringify({ ...sent, events: [{ type: "meeting-started" }] });
  expect((await post(malformed, await signInternalRequest(malformed, secret, INTERNAL_AUDIENCES.app))).status).toBe(400);
  const oversized = JSON.stringify({ ...sent, padding: "x".repeat(600 * 1024) });
  expect((await post(oversized, await signInternalRequest(oversized, secret, INTERNAL_AUDIENCES.app))).status).toBe(413);

  expect(await prisma.meeting.count({ where: { id: sent.events[0]!.meetingId } })).toBe(0);
  expect(await prisma.ingestBatch.count({ where: { id: sent.batchId } })).toBe(0);
});
