import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";
import { PartyClient } from "../party/party-client";

/** Polls until `read` returns a value `done` accepts: PartyKit delivers records through a delayed, batched outbox. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let host: TestUser;
let guest: TestUser;
const roomIds: string[] = [];

beforeAll(async () => {
  host = await createTestUser("employee", "records-host");
  guest = await createTestUser("employee", "records-guest");
});

afterAll(async () => {
  await prisma.meeting.deleteMany({ where: { roomId: { in: roomIds } } });
  await prisma.room.deleteMany({ where: { id: { in: roomIds } } });
  await deleteTestUsers([host, guest]);
});

describe("PartyKit → Next.js meeting records", { timeout: 30_000 }, () => {
  it("records a meeting and both participations once everyone has left", async () => {
    const room = await prisma.room.create({ data: { slug: `it-records-${randomUUID()}`, name: "Records room", ownerId: host.id } });
    roomIds.push(room.id);

    const started = Date.now();
    const alice = await PartyClient.join(room.id, { userId: host.id, name: "Alice", role: "host" });
    const bob = await PartyClient.join(room.id, { userId: guest.id, name: "Bob", role: "participant" });
    await alice.client.next("participant-joined");
    await bob.client.leave();
    await alice.client.next("participant-left");
    await alice.client.leave();
    const ended = Date.now();

    const meeting = await eventually(
      () => prisma.meeting.findFirst({ where: { roomId: room.id }, include: { participations: { orderBy: { joinedAt: "asc" } } } }),
      (found) => found?.endedAt != null && found.participations.every((participation) => participation.leftAt !== null),
    );
    expect(meeting).not.toBeNull();
    expect(meeting).toMatchObject({ title: "Records room", endReason: "EMPTY" });
    expect(meeting!.startedAt.getTime()).toBeGreaterThanOrEqual(started - 1_000);
    expect(meeting!.endedAt!.getTime()).toBeLessThanOrEqual(ended + 1_000);
    expect(meeting!.participations).toHaveLength(2);
    expect(meeting!.participations.map(({ id, userId, displayName, role, leaveReason }) => ({ id, userId, displayName, role, leaveReason }))).toEqual([
      { id: alice.welcome.self.id, userId: host.id, displayName: "Alice", role: "HOST", leaveReason: "left" },
      { id: bob.welcome.self.id, userId: guest.id, displayName: "Bob", role: "PARTICIPANT", leaveReason: "left" },
    ]);
    for (const participation of meeting!.participations) {
      expect(participation.joinedAt.getTime()).toBeGreaterThanOrEqual(meeting!.startedAt.getTime());
      expect(participation.leftAt!.getTime()).toBeGreaterThanOrEqual(participation.joinedAt.getTime());
      expect(participation.leftAt!.getTime()).toBeLessThanOrEqual(meeting!.endedAt!.getTime());
    }
    expect((await prisma.room.findUniqueOrThrow({ where: { id: room.id } })).lastMeetingEndedAt?.getTime()).toBe(meeting!.endedAt!.getTime());
  });

  it("starts a new Meeting row when the room fills again after it emptied", async () => {
    const room = await prisma.room.create({ data: { slug: `it-records-${randomUUID()}`, name: "Twice", ownerId: host.id } });
    roomIds.push(room.id);
    const first = await PartyClient.join(room.id, { userId: host.id, name: "Alice", role: "host" });
    await first.client.leave();
    const second = await PartyClient.join(room.id, { userId: guest.id, name: "Bob" });
    await second.client.leave();

    const meetings = await eventually(
      () => prisma.meeting.findMany({ where: { roomId: room.id }, include: { participations: true }, orderBy: { startedAt: "asc" } }),
      (found) => found.length === 2 && found.every((meeting) => meeting.endedAt !== null),
    );
    expect(meetings.map((meeting) => ({ endReason: meeting.endReason, people: meeting.participations.map((participation) => participation.userId) }))).toEqual([
      { endReason: "EMPTY", people: [host.id] },
      { endReason: "EMPTY", people: [guest.id] },
    ]);
    expect(meetings[0]!.endedAt!.getTime()).toBeLessThanOrEqual(meetings[1]!.startedAt.getTime());
  });

  it("records role changes, a removal and a meeting the host ended", async () => {
    const room = await prisma.room.create({ data: { slug: `it-records-${randomUUID()}`, name: "Moderated", ownerId: host.id } });
    roomIds.push(room.id);
    const alice = await PartyClient.join(room.id, { userId: host.id, name: "Alice", role: "host" });
    const bob = await PartyClient.join(room.id, { userId: guest.id, name: "Bob", role: "participant" });
    const carol = await PartyClient.join(room.id, { name: "Carol", role: "participant" });
    const bobId = bob.welcome.self.id;

    alice.client.send({ type: "set-role", participantId: bobId, role: "presenter" });
    await alice.client.next("participant-updated", (updated) => updated.participant.id === bobId && updated.participant.role === "presenter");
    alice.client.send({ type: "remove", participantId: bobId });
    await alice.client.next("participant-left", (left) => left.participantId === bobId);
    alice.client.send({ type: "end" });
    await Promise.all([alice.client.closed, bob.client.closed, carol.client.closed]);

    const meeting = await eventually(
      () =>
        prisma.meeting.findFirst({
          where: { roomId: room.id },
          include: { participations: { include: { roleChanges: true }, orderBy: { joinedAt: "asc" } } },
        }),
      (found) => found?.endedAt != null,
    );
    expect(meeting?.endReason).toBe("ENDED_BY_HOST");
    const byId = new Map(meeting!.participations.map((participation) => [participation.id, participation]));
    expect(byId.get(alice.welcome.self.id)).toMatchObject({ role: "HOST", leaveReason: "ended" });
    expect(byId.get(carol.welcome.self.id)).toMatchObject({ role: "PARTICIPANT", leaveReason: "ended", userId: null });
    expect(byId.get(bobId)).toMatchObject({ role: "PRESENTER", leaveReason: "removed" });
    expect(byId.get(bobId)!.roleChanges.map(({ fromRole, toRole, byId: by }) => ({ fromRole, toRole, by }))).toEqual([
      { fromRole: "PARTICIPANT", toRole: "PRESENTER", by: alice.welcome.self.id },
    ]);
  });
});
