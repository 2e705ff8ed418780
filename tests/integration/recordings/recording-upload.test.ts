import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import * as tus from "tus-js-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { partyPresenceSchema } from "@/lib/internal-api/party-control";
import { RECORDING_IDLE_FINALIZE_MS } from "@/lib/recording/upload-protocol";
import { recordMeetingEvents } from "@/lib/server/meetings/record-meeting-events";
import { finalizeIdleRecordings } from "@/lib/server/recordings/finalize-idle-recordings";
import type { RecordingUploadDeps } from "@/lib/server/recordings/handle-recording-upload";
import { recordingUploads } from "@/lib/server/recordings/recording-uploads";
import { LocalDiskStorage } from "@/lib/server/storage/local-disk-storage";
import { createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";
import { type PatchFate, serveTus } from "./tus-harness";
import { ffmpegPath, liveWebm, probedDuration, seekErrors } from "./webm-fixture";

/**
 * A recording's upload end to end, in-process: the real tus handler (lib/server/recordings) served over real HTTP to
 * the real tus-js-client, the real database, blobs on a temporary local disk. PartyKit's presence answer is passed
 * in with its real shape (partyPresenceSchema) instead of running a meeting that records: the room side of
 * recording is tested in tests/unit/meeting and tests/integration/party.
 */

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const SECONDS = 8;
const CHUNK = 32 * 1024;

let host: TestUser;
let intruder: TestUser;
let roomId: string;
let folder: string;
let webm: Buffer;
let deps: RecordingUploadDeps;
const meetingId = `meeting-${randomUUID()}`;
const recordings = new Map<string, { userId: string; part: number }>();

/** Deterministic "random": the same PATCHes fail on every run. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  [host, intruder] = await Promise.all([createTestUser("employee", "rec-host"), createTestUser("employee", "rec-intruder")]);
  roomId = (await prisma.room.create({ data: { slug: `rec-${randomUUID()}`, name: "Recorded room", ownerId: host.id } })).id;
  folder = mkdtempSync(join(tmpdir(), "confer-recordings-"));
  // The room's word on who records what, as PartyKit's presence control answers it.
  const presence = async () => {
    const recording = [...recordings][0];
    return partyPresenceSchema.parse({
      meetingId,
      seated: true,
      role: "host",
      mayChat: true,
      recording: recording ? { id: recording[0], by: `participant-${recording[1].userId}`, userId: recording[1].userId, startedAt: Date.now(), part: recording[1].part } : null,
    });
  };
  deps = { storage: new LocalDiskStorage(join(folder, "blobs")), uploads: recordingUploads(join(folder, "uploads")), presence };
  if (ffmpegPath) webm = liveWebm(SECONDS);
});

afterAll(async () => {
  await prisma.featureEvent.deleteMany({ where: { meetingId } });
  await prisma.meeting.deleteMany({ where: { id: meetingId } });
  if (roomId) await prisma.room.delete({ where: { id: roomId } });
  await deleteTestUsers([host, intruder]);
  if (folder) rmSync(folder, { recursive: true, force: true });
});

function newRecording(userId = host.id): string {
  const id = randomUUID();
  recordings.clear();
  recordings.set(id, { userId, part: 1 });
  return id;
}

/** Bytes as a recorder hands them over: a stream that trickles, whose end is known only when it ends. */
const trickle = (bytes: Buffer) =>
  Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += 8 * 1024) yield bytes.subarray(at, at + 8 * 1024);
    })(),
    { objectMode: false },
  );

function uploadOptions(recordingId: string, extra: Partial<tus.UploadOptions> = {}): tus.UploadOptions {
  return {
    chunkSize: CHUNK,
    uploadLengthDeferred: true,
    metadata: { recordingId, roomId, mimeType: "video/webm;codecs=vp8,opus" },
    retryDelays: [0, 10, 20, 50, 100, 100, 200, 200, 500, 500],
    storeFingerprintForResuming: false,
    ...extra,
  };
}

function run(upload: tus.Upload, until: Promise<void> = new Promise(() => {})): Promise<"done" | "stopped"> {
  return new Promise((resolve, reject) => {
    upload.options.onSuccess = () => resolve("done");
    upload.options.onError = reject;
    upload.start();
    void until.then(() => resolve("stopped"));
  });
}

async function readyRow(id: string) {
  await expect.poll(async () => (await prisma.recording.findUnique({ where: { id } }))?.status, { timeout: 15_000 }).toMatch(/READY|FAILED/);
  return prisma.recording.findUniqueOrThrow({ where: { id } });
}

async function storedBytes(storageKey: string): Promise<Buffer> {
  const content = await deps.storage.get(storageKey);
  return Buffer.from(await new Response(content!.body).arrayBuffer());
}

describe.skipIf(!ffmpegPath)("recording upload over tus", { timeout: 60_000 }, () => {
  let uploadedId: string;

  it("survives 20 % of its PATCH requests failing: the stored recording is exactly the recorder's bytes", async () => {
    uploadedId = newRecording();
    const random = seeded(14);
    const modes: PatchFate[] = ["fail-before", "cut-mid-body", "lose-response"];
    let failures = 0;
    const harness = await serveTus(host, deps, () => (random() < 0.2 ? modes[failures++ % modes.length]! : "deliver"));
    try {
      expect(await run(new tus.Upload(trickle(webm), uploadOptions(uploadedId, { endpoint: harness.endpoint })))).toBe("done");
    } finally {
      await harness.close();
    }
    const failed = harness.fates.filter((fate) => fate !== "deliver").length;
    expect(failed / harness.fates.length).toBeGreaterThanOrEqual(0.12);
    for (const mode of modes) expect(harness.fates).toContain(mode);

    const row = await readyRow(uploadedId);
    expect(row).toMatchObject({ status: "READY", roomId, meetingId, part: 1, startedById: host.id, receivedSha256: sha256(webm), uploadedBytes: BigInt(webm.length) });
    const stored = await storedBytes(row.storageKey!);
    expect(sha256(stored)).toBe(row.sha256);
    expect(BigInt(stored.length)).toBe(row.size);
    // The upload's own file went once the recording was stored.
    expect(existsSync(deps.uploads.pathOf(uploadedId))).toBe(false);
  });

  it("stores a seekable webm with its duration (the upload had neither duration nor cues)", async () => {
    const original = join(folder, "original.webm");
    writeFileSync(original, webm);
    expect(probedDuration(original)).toBeNaN();

    const row = await prisma.recording.findUniqueOrThrow({ where: { id: uploadedId } });
    expect(row.durationMs).toBeGreaterThan(SECONDS * 1000 * 0.9);
    expect(row.durationMs).toBeLessThan(SECONDS * 1000 * 1.1);
    const fixed = join(folder, "fixed.webm");
    writeFileSync(fixed, await storedBytes(row.storageKey!));
    expect(probedDuration(fixed)).toBeCloseTo(row.durationMs! / 1000, 1);
    expect(seekErrors(fixed, SECONDS / 2)).toBe("");
    expect(seekErrors(fixed, SECONDS - 1.5)).toBe("");
  });

  it("resumes an interrupted upload from the offset the server holds, with a new client on the same URL", async () => {
    const id = newRecording();
    const first = await serveTus(host, deps);
    let chunks = 0;
    let interrupt!: () => void;
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    const upload = new tus.Upload(trickle(webm), uploadOptions(id, { endpoint: first.endpoint, onChunkComplete: () => ++chunks === 4 && interrupt() }));
    expect(await run(upload, interrupted)).toBe("stopped");
    await upload.abort(false);
    await first.close();
    const url = upload.url!;
    expect(url).toMatch(new RegExp(`/api/recordings/upload/${id}$`));
    const held = Number((await prisma.recording.findUniqueOrThrow({ where: { id } })).uploadedBytes);
    expect(held).toBeGreaterThanOrEqual(4 * CHUNK);

    const second = await serveTus(host, deps);
    try {
      const resumedUrl = url.replace(/^http:\/\/[^/]+/, new URL(second.endpoint).origin);
      expect(await run(new tus.Upload(webm, uploadOptions(id, { endpoint: second.endpoint, uploadUrl: resumedUrl })))).toBe("done");
      // No second creation: the new client asked where the upload stood and sent only the rest.
      expect(second.fates.length).toBeLessThanOrEqual(Math.ceil((webm.length - held) / CHUNK));
    } finally {
      await second.close();
    }
    const row = await readyRow(id);
    expect(row.receivedSha256).toBe(sha256(webm));
  });

  it("refuses a creation the room did not announce, an upload by anyone but the recorder, and bytes after the end", async () => {
    const id = newRecording();
    const harness = await serveTus(host, deps);
    const intruding = await serveTus(intruder, deps);
    try {
      const create = (endpoint: string, metadata: Record<string, string>) =>
        fetch(endpoint, { method: "POST", headers: { "tus-resumable": "1.0.0", "upload-defer-length": "1", "upload-metadata": Object.entries(metadata).map(([k, v]) => `${k} ${Buffer.from(v).toString("base64")}`).join(",") } });
      const good = { recordingId: id, roomId, mimeType: "video/webm;codecs=vp8,opus" };

      const unknown = await create(harness.endpoint, { ...good, recordingId: randomUUID() });
      expect(unknown.status).toBe(403);
      expect(await unknown.text()).toMatch(/not recording under this recording id/);
      const notRecorder = await create(intruding.endpoint, good);
      expect(notRecorder.status).toBe(403);
      expect(await notRecorder.text()).toMatch(/Only the person the meeting named as recorder/);
      expect((await create(harness.endpoint, { ...good, mimeType: "video/webm;codecs=h264" })).status).toBe(400);
      expect((await create(harness.endpoint, { roomId })).status).toBe(400);

      const created = await create(harness.endpoint, good);
      expect(created.status).toBe(201);
      const location = new URL(created.headers.get("location")!, harness.endpoint).pathname;
      expect(location).toBe(`/api/recordings/upload/${id}`);
      expect((await create(harness.endpoint, good)).status).toBe(409);

      const patch = (endpoint: string, body: Buffer, offset: number, length?: number) =>
        fetch(new URL(location, endpoint), {
          method: "PATCH",
          headers: { "tus-resumable": "1.0.0", "content-type": "application/offset+octet-stream", "upload-offset": String(offset), ...(length === undefined ? {} : { "upload-length": String(length) }) },
          body: new Uint8Array(body),
        });
      expect((await patch(intruding.endpoint, webm.subarray(0, 100), 0)).status).toBe(403);
      expect((await fetch(new URL(location, harness.endpoint), { method: "DELETE", headers: { "tus-resumable": "1.0.0" } })).status).toBe(403);
      expect((await patch(harness.endpoint, webm, 0, webm.length)).status).toBe(204);
      const row = await readyRow(id);
      expect(row.status).toBe("READY");
      expect((await patch(harness.endpoint, webm.subarray(0, 10), webm.length)).status).toBe(410);
      // A recorder whose last answer was lost learns by HEAD that everything arrived.
      const head = await fetch(new URL(location, harness.endpoint), { method: "HEAD", headers: { "tus-resumable": "1.0.0" } });
      expect(head.status).toBe(200);
      expect(head.headers.get("upload-offset")).toBe(String(webm.length));
      expect(head.headers.get("upload-length")).toBe(String(webm.length));
    } finally {
      await harness.close();
      await intruding.close();
    }
  });

  it("finalizes from what arrived when the recorder's tab dies: after the stop and the quiet period, or after two quiet minutes", async () => {
    for (const stopped of [true, false]) {
      const id = newRecording();
      const harness = await serveTus(host, deps);
      let chunks = 0;
      let die!: () => void;
      const died = new Promise<void>((resolve) => (die = resolve));
      const upload = new tus.Upload(trickle(webm), uploadOptions(id, { endpoint: harness.endpoint, onChunkComplete: () => ++chunks === 6 && die() }));
      expect(await run(upload, died)).toBe("stopped");
      await upload.abort(false);
      await harness.close();
      const { lastUploadAt } = await prisma.recording.findUniqueOrThrow({ where: { id } });

      if (stopped) {
        const at = Date.now();
        const result = await recordMeetingEvents({
          batchId: randomUUID(),
          roomId,
          events: [
            { type: "recording-started", eventId: randomUUID(), meetingId, recordingId: id, part: 1, participantId: `participant-${host.id}`, userId: host.id, at: at - 5_000 },
            { type: "recording-stopped", eventId: randomUUID(), meetingId, recordingId: id, reason: "stopped", by: `participant-${host.id}`, at },
          ],
        });
        expect(result.finishedRecordingIds).toEqual([]);
        expect(await prisma.recording.findUniqueOrThrow({ where: { id } })).toMatchObject({ stopReason: "stopped", status: "RECORDING" });
        expect(await prisma.featureEvent.count({ where: { meetingId, feature: "recording" } })).toBeGreaterThanOrEqual(2);
      }
      const quietFor = stopped ? RECORDING_IDLE_FINALIZE_MS : 120_000;
      await finalizeIdleRecordings(deps, new Date(lastUploadAt!.getTime() + quietFor - 1_000));
      expect((await prisma.recording.findUniqueOrThrow({ where: { id } })).status).toBe("RECORDING");
      await finalizeIdleRecordings(deps, new Date(lastUploadAt!.getTime() + quietFor + 1_000));

      const row = await prisma.recording.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe("READY");
      const received = Number(row.uploadedBytes);
      expect(received).toBeGreaterThanOrEqual(6 * CHUNK);
      expect(received).toBeLessThan(webm.length);
      expect(row.receivedSha256).toBe(sha256(webm.subarray(0, received)));
      expect(row.durationMs).toBeGreaterThan(0);
      expect(row.durationMs).toBeLessThan(SECONDS * 1000);
      expect(row.retainUntil!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    }
  });

  it("fails a recording whose bytes are not webm, saying why", async () => {
    const id = newRecording();
    const harness = await serveTus(host, deps);
    try {
      const junk = Buffer.from("this is not a video ".repeat(2000));
      expect(await run(new tus.Upload(junk, uploadOptions(id, { endpoint: harness.endpoint })))).toBe("done");
    } finally {
      await harness.close();
    }
    const row = await readyRow(id);
    expect(row).toMatchObject({ status: "FAILED", storageKey: null });
    expect(row.failureReason).toMatch(/not a webm/);
  });
});

if (!ffmpegPath) console.warn("recording-upload.test.ts: skipped, ffmpeg is not on PATH (it makes the webm the tests upload).");
