import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { findFetchableFile, readStoredFile } from "@/lib/server/files/open-stored-file";
import { shareChatFile } from "@/lib/server/files/share-chat-file";
import { expireChatHistory } from "@/lib/server/meetings/expire-chat-history";
import { LocalDiskStorage } from "@/lib/server/storage/local-disk-storage";
import { blobStorage } from "@/lib/server/storage/storage";
import { requireStackEnv } from "../../support/stack-env";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";
import { PartyClient } from "../party/party-client";

/**
 * Chat files on the real stack: Next.js (with the S3 driver on s3rver in the test stack; one test runs the use
 * cases in-process on the local-disk driver), PartyKit deciding who
 * is in the meeting, Postgres holding the metadata. Each test has its own room, deleted afterwards with its files.
 */

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const pdf = (body: Buffer) => Buffer.concat([Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), body, Buffer.from("\n%%EOF\n")]);
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

let host: TestUser;
let guest: TestUser;
let outsider: TestUser;
let admin: TestUser;
const roomIds: string[] = [];
const clients: PartyClient[] = [];

beforeAll(async () => {
  [host, guest, outsider, admin] = await Promise.all([
    createTestUser("employee", "files-host"),
    createTestUser("employee", "files-guest"),
    createTestUser("employee", "files-outsider"),
    createTestUser("admin", "files-admin"),
  ]);
});

afterAll(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  for (const id of roomIds) await callApi(`/api/rooms/${id}`, { as: host, method: "DELETE" });
  await deleteTestUsers([host, guest, outsider, admin]);
});

async function meetingRoom(name: string) {
  const room = (await callApi("/api/rooms", { as: host, method: "POST", body: { name } })).body as { id: string };
  roomIds.push(room.id);
  return room.id;
}

async function seat(roomId: string, user: TestUser, role: "host" | "participant" = "participant") {
  const joined = await PartyClient.join(roomId, { userId: user.id, name: user.name, role });
  clients.push(joined.client);
  return joined;
}

function upload(roomId: string, as: TestUser | null, bytes: Buffer, name: string, type: string, headers: Record<string, string> = {}) {
  const query = new URLSearchParams({ room: roomId, name });
  return fetch(new URL(`/api/uploads/chat?${query}`, requireStackEnv("CONFER_APP_URL")), {
    method: "POST",
    headers: { ...(as ? { cookie: as.cookie } : {}), "content-type": type, ...headers },
    body: new Uint8Array(bytes),
  });
}

function download(url: string, as: TestUser | null, headers: Record<string, string> = {}) {
  return fetch(new URL(url, requireStackEnv("CONFER_APP_URL")), { headers: { ...(as ? { cookie: as.cookie } : {}), ...headers } });
}

const bodyOf = (bytes: Buffer) => Readable.toWeb(Readable.from([bytes])) as ReadableStream<Uint8Array>;
const bytesOf = async (body: ReadableStream<Uint8Array>) => Buffer.from(await new Response(body).arrayBuffer());
const actor = ({ id, name, email, role }: TestUser) => ({ id, name, email, role });

type Attachment = { id: string; name: string; size: number; mimeType: string; url: string; ticket: string };

describe("chat files", { timeout: 30_000 }, () => {
  it("stores an upload byte for byte, serves it to the meeting's people with Range, and 404s everyone else", async () => {
    const roomId = await meetingRoom("Files room");
    await seat(roomId, host, "host");
    await seat(roomId, guest);
    const bytes = pdf(randomBytes(300_000));

    const response = await upload(roomId, guest, bytes, "Q3 plan.pdf", "application/pdf");
    expect(response.status).toBe(200);
    const attachment = (await response.json()) as Attachment;
    expect(attachment).toMatchObject({ name: "Q3 plan.pdf", size: bytes.length, mimeType: "application/pdf", url: `/api/files/${attachment.id}` });

    const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: attachment.id } });
    expect(row).toMatchObject({ ownerId: guest.id, roomId, declaredType: "application/pdf", detectedType: "application/pdf", size: bytes.length, sha256: sha256(bytes) });
    expect(row.meetingId).toBeTruthy();
    expect(await blobStorage().size(row.storageKey)).toBe(bytes.length);

    for (const person of [host, guest, admin]) {
      const got = await download(attachment.url, person);
      expect(got.status).toBe(200);
      expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(sha256(bytes));
    }
    const whole = await download(attachment.url, host);
    expect(whole.headers.get("content-type")).toBe("application/pdf");
    expect(whole.headers.get("content-disposition")).toBe('attachment; filename="Q3 plan.pdf"');
    expect(whole.headers.get("x-content-type-options")).toBe("nosniff");
    expect(whole.headers.get("content-security-policy")).toContain("sandbox");
    await whole.body?.cancel();

    const part = await download(attachment.url, host, { range: "bytes=100-199" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    expect((await download(attachment.url, host, { range: `bytes=${bytes.length}-` })).status).toBe(416);

    expect((await download(attachment.url, outsider)).status).toBe(404);
    expect((await download(attachment.url, null)).status).toBe(401);
  });

  it("shows images inline only when their bytes are an image, and never HTML", async () => {
    const roomId = await meetingRoom("Inline room");
    await seat(roomId, host, "host");
    const image = (await (await upload(roomId, host, PNG, "dot.png", "image/png")).json()) as Attachment;
    const inline = await download(`${image.url}?inline=1`, host);
    expect(inline.headers.get("content-type")).toBe("image/png");
    expect(inline.headers.get("content-disposition")).toMatch(/^inline;/);

    const html = Buffer.from("<html><body><img src=x onerror=alert(1)></body></html>");
    const page = (await (await upload(roomId, host, html, "<img src=x onerror=alert(1)>.html", "text/html")).json()) as Attachment;
    expect(page.name).toBe("<img src=x onerror=alert(1)>.html");
    const served = await download(`${page.url}?inline=1`, host);
    expect(served.headers.get("content-type")).toBe("application/octet-stream");
    expect(served.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(Buffer.from(await served.arrayBuffer()).equals(html)).toBe(true);
  });

  it("refuses outsiders, oversized, mismatched and blocked files, storing nothing", async () => {
    const roomId = await meetingRoom("Refusals room");
    await seat(roomId, host, "host");
    const before = await prisma.storedFile.count({ where: { roomId } });

    // Not in the meeting (the room is visible to them, but they have not joined).
    const outsiderUpload = await upload(roomId, outsider, PNG, "dot.png", "image/png");
    expect(outsiderUpload.status).toBe(403);
    expect((await upload(roomId, null, PNG, "dot.png", "image/png")).status).toBe(401);

    // Text that says it is a PNG.
    const fake = await upload(roomId, host, Buffer.from("not an image at all"), "fake.png", "image/png");
    expect(fake.status).toBe(415);
    expect(((await fake.json()) as { error: { message: string } }).error.message).toMatch(/image\/png/);

    // A Linux program, whatever it says it is.
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), randomBytes(120)]);
    expect((await upload(roomId, host, elf, "notes.txt", "text/plain")).status).toBe(415);

    // Over the limit, refused from its Content-Length before a byte is read.
    const limit = Number(process.env.FILE_UPLOAD_MAX_BYTES ?? 25 * 1024 * 1024);
    const big = await upload(roomId, host, randomBytes(limit + 1), "big.bin", "application/octet-stream");
    expect(big.status).toBe(413);

    expect(await prisma.storedFile.count({ where: { roomId } })).toBe(before);
  });

  it("runs the same upload and download on the local-disk driver (npm run dev's): bytes, Range, access, refusals", async () => {
    const folder = mkdtempSync(join(tmpdir(), "confer-files-local-"));
    const local = new LocalDiskStorage(folder);
    try {
      const roomId = await meetingRoom("Local files room");
      await seat(roomId, host, "host");
      await seat(roomId, guest);
      const bytes = pdf(randomBytes(200_000));
      const shared = await shareChatFile(actor(guest), { roomId, name: "local.pdf", declaredType: "application/pdf", size: bytes.length, body: bodyOf(bytes) }, local);
      const row = await prisma.storedFile.findUniqueOrThrow({ where: { id: shared.id } });
      expect(row).toMatchObject({ ownerId: guest.id, roomId, detectedType: "application/pdf", size: bytes.length, sha256: sha256(bytes) });
      expect(await local.size(row.storageKey)).toBe(bytes.length);

      const file = await findFetchableFile(actor(host), shared.id);
      expect(await bytesOf((await readStoredFile(file.storageKey, undefined, local))!.body)).toEqual(bytes);
      expect(await bytesOf((await readStoredFile(file.storageKey, { start: 100, end: 199 }, local))!.body)).toEqual(bytes.subarray(100, 200));
      await expect(findFetchableFile(actor(outsider), shared.id)).rejects.toMatchObject({ code: "not_found" });

      const stored = () => readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
      expect(stored()).toBe(1);
      const fake = randomBytes(1000);
      await expect(shareChatFile(actor(guest), { roomId, name: "fake.png", declaredType: "image/png", size: fake.length, body: bodyOf(fake) }, local)).rejects.toMatchObject({
        code: "unsupported_media_type",
      });
      await expect(shareChatFile(actor(guest), { roomId, name: "short.pdf", declaredType: "application/pdf", size: bytes.length + 10, body: bodyOf(bytes) }, local)).rejects.toMatchObject({
        code: "invalid_request",
      });
      expect(stored()).toBe(1);
      await local.delete(row.storageKey);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("deleting the room deletes its files' rows and bytes", async () => {
    const roomId = await meetingRoom("Short-lived room");
    const joined = await seat(roomId, host, "host");
    const attachment = (await (await upload(roomId, host, pdf(randomBytes(2000)), "x.pdf", "application/pdf")).json()) as Attachment;
    const { storageKey } = await prisma.storedFile.findUniqueOrThrow({ where: { id: attachment.id } });
    await joined.client.leave();
    expect((await callApi(`/api/rooms/${roomId}`, { as: host, method: "DELETE" })).status).toBeLessThan(300);
    roomIds.splice(roomIds.indexOf(roomId), 1);
    expect(await prisma.storedFile.findUnique({ where: { id: attachment.id } })).toBeNull();
    expect(await blobStorage().size(storageKey)).toBeNull();
  });

  it("keeps the chat with its files after the meeting, for those who took part, and exports it", async () => {
    const roomId = await meetingRoom("History room");
    const hostSeat = await seat(roomId, host, "host");
    const guestSeat = await seat(roomId, guest);
    const attachment = (await (await upload(roomId, guest, pdf(randomBytes(500)), "minutes.pdf", "application/pdf")).json()) as Attachment;
    const shared = { name: attachment.name, size: attachment.size, mimeType: attachment.mimeType, url: attachment.url };
    guestSeat.client.send({ type: "chat", text: "=SUM(A1) see the *minutes*", attachments: [{ ticket: attachment.ticket }] });
    // The room posts the file as the app stored it, from the upload's signed ticket.
    expect((await hostSeat.client.next("chat")).message.attachments).toEqual([shared]);
    await guestSeat.client.leave();
    await hostSeat.client.leave();

    const meetingId = (await prisma.storedFile.findUniqueOrThrow({ where: { id: attachment.id } })).meetingId!;
    const deadline = Date.now() + 15_000;
    let rows = await prisma.chatMessage.findMany({ where: { meetingId } });
    while (rows.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      rows = await prisma.chatMessage.findMany({ where: { meetingId } });
    }
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ authorName: guest.name, userId: guest.id, text: "=SUM(A1) see the *minutes*", attachments: [shared] });

    const csv = await download(`/api/meetings/${meetingId}/chat?format=csv`, guest);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    // A formula-looking message stays text in a spreadsheet.
    expect(text).toContain("'=SUM(A1) see the *minutes*");
    expect(text).toContain(`minutes.pdf <${attachment.url}>`);
    const json = (await (await download(`/api/meetings/${meetingId}/chat?format=json`, host)).json()) as { messages: { text: string }[] };
    expect(json.messages.map((message) => message.text)).toEqual(["=SUM(A1) see the *minutes*"]);
    expect((await download(`/api/meetings/${meetingId}/chat?format=csv`, outsider)).status).toBe(404);

    // After the meeting, the file still downloads for those who took part (by the records), and not for others.
    expect((await download(attachment.url, guest)).status).toBe(200);
    expect((await download(attachment.url, outsider)).status).toBe(404);
  });

  it("retention removes the chat and the files of meetings that ended long ago, blobs first", async () => {
    const roomId = await meetingRoom("Old room");
    const meetingId = `it-old-${randomBytes(6).toString("hex")}`;
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    await prisma.meeting.create({ data: { id: meetingId, roomId, title: "Old", startedAt: longAgo, endedAt: new Date(longAgo.getTime() + 3_600_000) } });
    await prisma.chatMessage.create({ data: { id: `${meetingId}-m`, meetingId, seq: 0, participantId: "p", userId: host.id, authorName: "Host", text: "old news", sentAt: longAgo } });
    const storageKey = `chat/${randomBytes(16).toString("hex")}`;
    const bytes = pdf(randomBytes(100));
    const { Readable } = await import("node:stream");
    const stored = await blobStorage().put(storageKey, Readable.from([bytes]), bytes.length);
    const file = await prisma.storedFile.create({
      data: { storageKey, ownerId: host.id, roomId, meetingId, name: "old.pdf", declaredType: "application/pdf", detectedType: "application/pdf", size: stored.size, sha256: stored.sha256 },
    });

    const result = await expireChatHistory(new Date(), 30);
    expect(result.messages).toBeGreaterThanOrEqual(1);
    expect(result.files).toBeGreaterThanOrEqual(1);
    expect(await prisma.chatMessage.count({ where: { meetingId } })).toBe(0);
    expect(await prisma.storedFile.findUnique({ where: { id: file.id } })).toBeNull();
    expect(await blobStorage().size(storageKey)).toBeNull();
    // The meeting record itself stays (analytics keep it).
    expect(await prisma.meeting.findUnique({ where: { id: meetingId } })).not.toBeNull();
    await prisma.meeting.delete({ where: { id: meetingId } });
  });
});
