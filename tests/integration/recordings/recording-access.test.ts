import { createHash, randomBytes, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import { expireRecordings } from "@/lib/server/recordings/expire-recordings";
import { blobStorage } from "@/lib/server/storage/storage";
import { requireStackEnv } from "../../support/stack-env";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";

/**
 * Who may see a recording, over every recording route of the running app (the test stack's Next.js, its blob
 * storage, the real database): the room's host, a co-host and a participant of the recorded meeting, an admin —
 * and, answered 404 as if there were no recording, someone from another meeting of the same room and an outsider.
 * The rows and blobs are made directly: uploading is tests/integration/recordings/recording-upload.test.ts's.
 */

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const appUrl = () => requireStackEnv("CONFER_APP_URL");

let host: TestUser;
let cohost: TestUser;
let participant: TestUser;
let otherMeeting: TestUser;
let outsider: TestUser;
let admin: TestUser;
const roomIds: string[] = [];
const meetingIds: string[] = [];

beforeAll(async () => {
  [host, cohost, participant, otherMeeting, outsider, admin] = await Promise.all([
    createTestUser("employee", "rec-acl-host"),
    createTestUser("employee", "rec-acl-cohost"),
    createTestUser("employee", "rec-acl-participant"),
    createTestUser("employee", "rec-acl-other"),
    createTestUser("employee", "rec-acl-outsider"),
    createTestUser("admin", "rec-acl-admin"),
  ]);
});

afterAll(async () => {
  await prisma.meeting.deleteMany({ where: { id: { in: meetingIds } } });
  await prisma.room.deleteMany({ where: { id: { in: roomIds } } });
  await deleteTestUsers([host, cohost, participant, otherMeeting, outsider, admin]);
});

/** A room whose meeting M was recorded (host, co-host and participant took part), and another meeting in it. */
async function recordedRoom(recordingAccess: "hosts" | "participants", bytes: Buffer) {
  const room = await prisma.room.create({ data: { slug: `rec-acl-${randomUUID()}`, name: `Recorded ${recordingAccess}`, ownerId: host.id, policy: { ...defaultRoomPolicy, recordingAccess } } });
  roomIds.push(room.id);
  const [meetingId, otherMeetingId] = [`m-${randomUUID()}`, `m-${randomUUID()}`];
  meetingIds.push(meetingId, otherMeetingId);
  const startedAt = new Date(Date.now() - 3_600_000);
  await prisma.meeting.createMany({ data: [meetingId, otherMeetingId].map((id) => ({ id, roomId: room.id, title: room.name, startedAt, endedAt: new Date() })) });
  const took = (meeting: string, user: TestUser, role: "HOST" | "PARTICIPANT") => ({ id: `p-${randomUUID()}`, meetingId: meeting, userId: user.id, displayName: user.name, role, joinedAt: startedAt });
  await prisma.participation.createMany({
    data: [took(meetingId, host, "HOST"), took(meetingId, cohost, "HOST"), took(meetingId, participant, "PARTICIPANT"), took(otherMeetingId, otherMeeting, "PARTICIPANT")],
  });
  const id = randomUUID();
  const storageKey = `recordings/${id}`;
  const stored = await blobStorage().put(storageKey, Readable.from([bytes]), bytes.length);
  await prisma.recording.create({
    data: {
      id,
      roomId: room.id,
      meetingId,
      part: 1,
      startedById: host.id,
      startedAt,
      endedAt: new Date(startedAt.getTime() + 60_000),
      durationMs: 60_000,
      size: BigInt(stored.size),
      sha256: stored.sha256,
      receivedSha256: stored.sha256,
      mimeType: "video/webm;codecs=vp8,opus",
      status: "READY",
      storageKey,
      retainUntil: new Date(Date.now() + 30 * 86_400_000),
    },
  });
  return { roomId: room.id, id, storageKey };
}

const fetchAs = (path: string, as: TestUser | null, init: RequestInit = {}) =>
  fetch(new URL(path, appUrl()), { redirect: "manual", ...init, headers: { ...(as ? { cookie: as.cookie } : {}), ...(init.headers as Record<string, string> | undefined) } });

async function listedIds(as: TestUser): Promise<string[]> {
  const { status, body } = await callApi("/api/recordings", { as });
  expect(status).toBe(200);
  return (body.meetings as { parts: { id: string }[] }[]).flatMap((meeting) => meeting.parts.map((part) => part.id));
}

describe("recording access over every route", { timeout: 60_000 }, () => {
  it("lets hosts, the meeting's participants and admins list, open, play and download it; 404 for everyone else", async () => {
    const bytes = randomBytes(120_000);
    const { id } = await recordedRoom("participants", bytes);
    const allowed = [host, cohost, participant, admin];
    const refused = [otherMeeting, outsider];

    for (const person of allowed) {
      expect(await listedIds(person)).toContain(id);
      expect((await callApi(`/api/recordings/${id}`, { as: person })).status).toBe(200);
      const file = await fetchAs(`/api/recordings/${id}/file`, person);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("video/webm");
      expect(file.headers.get("content-disposition")).toMatch(/^inline;/);
      expect(sha256(Buffer.from(await file.arrayBuffer()))).toBe(sha256(bytes));
      const page = await fetchAs(`/recordings/${id}`, person);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`/api/recordings/${id}/file`);
    }
    for (const person of refused) {
      expect(await listedIds(person)).not.toContain(id);
      expect((await callApi(`/api/recordings/${id}`, { as: person })).status).toBe(404);
      expect((await fetchAs(`/api/recordings/${id}/file`, person)).status).toBe(404);
      expect((await fetchAs(`/api/recordings/${id}/file?download=1`, person)).status).toBe(404);
      expect((await fetchAs(`/recordings/${id}`, person)).status).toBe(404);
      expect((await callApi(`/api/recordings/${id}`, { as: person, method: "DELETE" })).status).toBe(404);
    }
    expect((await fetchAs(`/api/recordings/${id}/file`, null)).status).toBe(401);
    expect((await callApi("/api/recordings")).status).toBe(401);

    // Seeking: the player asks for ranges.
    const part = await fetchAs(`/api/recordings/${id}/file`, participant, { headers: { range: "bytes=1000-1999" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true);
    expect((await fetchAs(`/api/recordings/${id}/file`, participant, { headers: { range: `bytes=${bytes.length}-` } })).status).toBe(416);

    const download = await fetchAs(`/api/recordings/${id}/file?download=1`, participant);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename=".*part 1\.webm"/);
    await download.body?.cancel();
    const audit = await prisma.auditLog.findMany({ where: { targetType: "recording", targetId: id }, select: { action: true, actorId: true } });
    expect(audit).toContainEqual({ action: "recording.downloaded", actorId: participant.id });
    expect(audit).toContainEqual({ action: "recording.viewed", actorId: admin.id });
  });

  it("with the hosts-only policy, participants who are not hosts get 404 too", async () => {
    const { id } = await recordedRoom("hosts", randomBytes(5_000));
    for (const person of [host, cohost, admin]) expect((await callApi(`/api/recordings/${id}`, { as: person })).status).toBe(200);
    for (const person of [participant, otherMeeting, outsider]) {
      expect(await listedIds(person)).not.toContain(id);
      expect((await fetchAs(`/api/recordings/${id}/file`, person)).status).toBe(404);
    }
  });

  it("lets only hosts and admins delete: blob first, then the row is marked, and it is gone for everyone", async () => {
    const { id, storageKey } = await recordedRoom("participants", randomBytes(5_000));
    const refused = await callApi(`/api/recordings/${id}`, { as: participant, method: "DELETE" });
    expect(refused.status).toBe(403);
    expect((await callApi(`/api/recordings/${id}`, { as: cohost, method: "DELETE" })).status).toBe(200);
    expect(await blobStorage().size(storageKey)).toBeNull();
    expect((await prisma.recording.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    for (const person of [host, participant, admin]) {
      expect(await listedIds(person)).not.toContain(id);
      expect((await fetchAs(`/api/recordings/${id}/file`, person)).status).toBe(404);
    }
    expect(await prisma.auditLog.count({ where: { action: "recording.deleted", targetId: id, actorId: cohost.id } })).toBe(1);

    const second = await recordedRoom("participants", randomBytes(5_000));
    expect((await callApi(`/api/recordings/${second.id}`, { as: admin, method: "DELETE" })).status).toBe(200);
  });

  it("refuses a tus upload from someone the meeting did not name as recorder (PartyKit says they are not in it)", async () => {
    const { roomId } = await recordedRoom("participants", randomBytes(1_000));
    const metadata = { recordingId: randomUUID(), roomId, mimeType: "video/webm;codecs=vp8,opus" };
    const header = Object.entries(metadata).map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`).join(",");
    const create = (as: TestUser | null) => fetchAs("/api/recordings/upload", as, { method: "POST", headers: { "tus-resumable": "1.0.0", "upload-defer-length": "1", "upload-metadata": header } });
    expect((await create(null)).status).toBe(401);
    const refused = await create(outsider);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/Join the meeting/);
  });

  it("retention deletes recordings past their date, blob and row; the cron route runs it", async () => {
    const { id, storageKey } = await recordedRoom("participants", randomBytes(2_000));
    await prisma.recording.update({ where: { id }, data: { retainUntil: new Date(Date.now() - 1_000) } });
    expect((await expireRecordings()).deleted).toBeGreaterThanOrEqual(1);
    expect(await prisma.recording.findUnique({ where: { id } })).toBeNull();
    expect(await blobStorage().size(storageKey)).toBeNull();

    const cron = await fetch(new URL("/api/internal/cleanup/recordings", appUrl()), { method: "POST", headers: { authorization: `Bearer ${requireStackEnv("CLEANUP_SECRET")}` } });
    expect(cron.status).toBe(200);
    expect(await cron.json()).toMatchObject({ expired: { deleted: expect.any(Number) } });
    expect((await fetch(new URL("/api/internal/cleanup/recordings", appUrl()), { method: "POST" })).status).toBe(401);
  });
});
