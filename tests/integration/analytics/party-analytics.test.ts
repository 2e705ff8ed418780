import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { PeerQualitySample } from "@/lib/signaling/analytics-messages";
import { createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";
import { clientRegistry, PartyClient } from "../party/party-client";
import { waitForMeetingsToEnd } from "../../support/meeting-records";

/** Polls until `read` returns a value `done` accepts: PartyKit forwards through delayed, batched outboxes. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const clients = clientRegistry();
let owner: TestUser;
const roomIds: string[] = [];

beforeAll(async () => {
  owner = await createTestUser("employee", "analytics-owner");
});

afterAll(async () => {
  await clients.leaveAll();
  await waitForMeetingsToEnd(roomIds);
  await prisma.meeting.deleteMany({ where: { roomId: { in: roomIds } } });
  await prisma.room.deleteMany({ where: { id: { in: roomIds } } });
  await deleteTestUsers([owner]);
});

function peerSample(peerId: string, overrides: Partial<PeerQualitySample> = {}): PeerQualitySample {
  return {
    peerId,
    at: Date.now(),
    lossPct: 3,
    jitterMs: 12,
    rttMs: 80,
    bitrateInKbps: 900,
    bitrateOutKbps: 850,
    frameWidth: 640,
    frameHeight: 360,
    fps: 24,
    qualityLimitation: "bandwidth",
    codec: "VP8",
    candidateType: "srflx",
    score: 2,
    ...overrides,
  };
}

describe("PartyKit → Next.js analytics", { timeout: 40_000 }, () => {
  it("stores a seated participant's quality samples and feature events under the room's meeting, stamped by the party", async () => {
    const room = await prisma.room.create({ data: { slug: `it-analytics-${randomUUID()}`, name: "Analytics room", ownerId: owner.id } });
    roomIds.push(room.id);
    const alice = clients.track(await PartyClient.join(room.id, { userId: owner.id, name: "Alice", role: "host" }));
    const bob = clients.track(await PartyClient.join(room.id, { name: "Bob" }));
    await alice.client.next("participant-joined");

    // Samples for a meeting the app has not recorded yet are dropped: wait for its Meeting row first.
    const meeting = await eventually(() => prisma.meeting.findFirst({ where: { roomId: room.id } }), (found) => found !== null);
    expect(meeting).not.toBeNull();

    const farPast = Date.now() - 10 * 60_000;
    alice.client.send({
      type: "quality-samples",
      samples: [
        peerSample(bob.welcome.self.id),
        // A browser clock this far off is replaced by the party's receive time.
        peerSample(bob.welcome.self.id, { at: farPast, score: 1 }),
        // Nobody measures a connection to themselves: dropped.
        peerSample(alice.welcome.self.id),
      ],
    });
    alice.client.send({ type: "feature", feature: "layout", detail: "grid" });

    const samples = await eventually(
      () => prisma.qualitySample.findMany({ where: { meetingId: meeting!.id }, orderBy: { score: "desc" } }),
      (found) => found.length >= 2,
    );
    expect(samples.map(({ participationId, peerParticipationId, score, qualityLimitation, candidateType }) => ({ participationId, peerParticipationId, score, qualityLimitation, candidateType }))).toEqual([
      { participationId: alice.welcome.self.id, peerParticipationId: bob.welcome.self.id, score: 2, qualityLimitation: "bandwidth", candidateType: "srflx" },
      { participationId: alice.welcome.self.id, peerParticipationId: bob.welcome.self.id, score: 1, qualityLimitation: "bandwidth", candidateType: "srflx" },
    ]);
    for (const stored of samples) expect(stored.at.getTime()).toBeGreaterThan(farPast + 60_000);
    expect(await prisma.meetingQualityMinute.count({ where: { meetingId: meeting!.id } })).toBeGreaterThan(0);

    const features = await eventually(() => prisma.featureEvent.findMany({ where: { meetingId: meeting!.id } }), (found) => found.length >= 1);
    expect(features.map(({ participationId, feature, detail }) => ({ participationId, feature, detail }))).toEqual([
      { participationId: alice.welcome.self.id, feature: "layout", detail: "grid" },
    ]);
  });
});
