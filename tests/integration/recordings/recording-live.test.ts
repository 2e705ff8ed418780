import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import * as tus from "tus-js-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { RECORDING_UPLOAD_PATH } from "@/lib/recording/upload-protocol";
import { waitForMeetingsToEnd } from "../../support/meeting-records";
import { requireStackEnv } from "../../support/stack-env";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";
import { PartyClient } from "../party/party-client";
import { ffmpegPath, liveWebm, probedDuration } from "./webm-fixture";

/**
 * A recording on the whole running stack: a host's PartyKit connection starts it, tus-js-client uploads over HTTP to
 * the test stack's Next.js (through the proxy, the session cookie, the route and real PartyKit presence), the app
 * finalizes it into its blob storage (s3rver here), and the room's stop reaches the app through the meeting records.
 * A second part whose recorder leaves mid-upload is finalized by the app's own timer, with no cron.
 */

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const SECONDS = 6;

let host: TestUser;
let guest: TestUser;
let webm: Buffer;
let folder: string;
const roomIds: string[] = [];
const clients: PartyClient[] = [];

beforeAll(async () => {
  [host, guest] = await Promise.all([createTestUser("employee", "rec-live-host"), createTestUser("employee", "rec-live-guest")]);
  folder = mkdtempSync(join(tmpdir(), "confer-rec-live-"));
  if (ffmpegPath) webm = liveWebm(SECONDS);
});

afterAll(async () => {
  await Promise.all(clients.splice(0).map((client) => client.leave().catch(() => undefined)));
  await waitForMeetingsToEnd(roomIds).catch(() => undefined);
  for (const id of roomIds) await callApi(`/api/rooms/${id}`, { as: host, method: "DELETE" });
  await deleteTestUsers([host, guest]);
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const trickle = (bytes: Buffer) =>
  Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += 8 * 1024) yield bytes.subarray(at, at + 8 * 1024);
    })(),
    { objectMode: false },
  );

function upload(recordingId: string, roomId: string, source: Readable, onChunk?: (done: number) => void) {
  let chunks = 0;
  const options: tus.UploadOptions = {
    endpoint: new URL(RECORDING_UPLOAD_PATH, requireStackEnv("CONFER_APP_URL")).toString(),
    headers: { cookie: host.cookie },
    chunkSize: 32 * 1024,
    uploadLengthDeferred: true,
    metadata: { recordingId, roomId, mimeType: "video/webm;codecs=vp8,opus" },
    retryDelays: [0, 100, 500],
    storeFingerprintForResuming: false,
    onChunkComplete: () => onChunk?.(++chunks),
  };
  return new tus.Upload(source, options);
}

async function startRecording(client: PartyClient) {
  client.send({ type: "record", on: true });
  const updated = await client.next("room-updated", (message) => message.recording !== null && message.recording !== undefined);
  return updated.recording!;
}

async function recordingOf(id: string) {
  const { status, body } = await callApi(`/api/recordings/${id}`, { as: host });
  return status === 200 ? (body as { status: string; durationMs: number | null; size: number | null; part: number }) : null;
}

describe.skipIf(!ffmpegPath)("recording on the running stack", { timeout: 90_000 }, () => {
  it("records, uploads over tus, finalizes, and takes the room's stop; a recorder who leaves is finalized by the app's timer", async () => {
    const roomId = ((await callApi("/api/rooms", { as: host, method: "POST", body: { name: "Live recording room" } })).body as { id: string }).id;
    roomIds.push(roomId);
    const hosting = await PartyClient.join(roomId, { userId: host.id, name: host.name, role: "host" });
    clients.push(hosting.client);
    const staying = await PartyClient.join(roomId, { userId: guest.id, name: guest.name, role: "participant" });
    clients.push(staying.client);

    const first = await startRecording(hosting.client);
    expect(first).toMatchObject({ userId: host.id, part: 1 });
    await new Promise<void>((resolve, reject) => {
      const running = upload(first.id, roomId, trickle(webm));
      running.options.onSuccess = () => resolve();
      running.options.onError = reject;
      running.start();
    });
    await expect.poll(async () => (await recordingOf(first.id))?.status, { timeout: 20_000 }).toBe("ready");
    const ready = (await recordingOf(first.id))!;
    expect(ready.durationMs).toBeGreaterThan(SECONDS * 1000 * 0.9);
    const file = await fetch(new URL(`/api/recordings/${first.id}/file`, requireStackEnv("CONFER_APP_URL")), { headers: { cookie: host.cookie } });
    expect(file.status).toBe(200);
    const stored = Buffer.from(await file.arrayBuffer());
    writeFileSync(join(folder, "stored.webm"), stored);
    expect(probedDuration(join(folder, "stored.webm"))).toBeGreaterThan(SECONDS * 0.9);
    expect((await prisma.recording.findUniqueOrThrow({ where: { id: first.id } })).receivedSha256).toBe(sha256(webm));

    hosting.client.send({ type: "record", on: false });
    await hosting.client.next("room-updated", (message) => message.recording === null);
    await expect.poll(async () => (await prisma.recording.findUniqueOrThrow({ where: { id: first.id } })).stopReason, { timeout: 15_000 }).toBe("stopped");

    // Part 2: the recorder's tab goes away mid-upload; the room ends the recording, the app finalizes what arrived.
    const second = await startRecording(hosting.client);
    expect(second.part).toBe(2);
    let died!: () => void;
    const dead = new Promise<void>((resolve) => (died = resolve));
    const partial = upload(second.id, roomId, trickle(webm), (chunks) => chunks === 5 && died());
    partial.options.onError = () => undefined;
    partial.start();
    await dead;
    await partial.abort(false);
    await hosting.client.leave();
    await expect.poll(async () => (await prisma.recording.findUniqueOrThrow({ where: { id: second.id } })).stopReason, { timeout: 15_000 }).toBe("recorder-left");
    await expect.poll(async () => (await recordingOf(second.id))?.status, { timeout: 40_000, interval: 1_000 }).toBe("ready");
    const row = await prisma.recording.findUniqueOrThrow({ where: { id: second.id } });
    expect(Number(row.uploadedBytes)).toBeLessThan(webm.length);
    expect(row.receivedSha256).toBe(sha256(webm.subarray(0, Number(row.uploadedBytes))));

    const listed = (await callApi("/api/recordings", { as: guest })).body as { meetings: { parts: { id: string; part: number }[] }[] };
    expect(listed.meetings.flatMap((meeting) => meeting.parts.map((part) => part.part))).toEqual([1, 2]);
  });
});
