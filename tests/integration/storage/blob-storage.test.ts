import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { AwsClient } from "aws4fetch";
import { afterAll, describe, expect, it } from "vitest";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { LocalDiskStorage } from "@/lib/server/storage/local-disk-storage";
import { S3Storage, type S3StorageOptions } from "@/lib/server/storage/s3-storage";

/** One contract, both drivers: local disk in a temp folder, and S3 against the test stack's s3rver. */

/** The test stack's s3rver, from the env `npm test` exports; missing env fails the file rather than skipping it. */
function s3Options(): S3StorageOptions {
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = process.env;
  if (!S3_ENDPOINT || !S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) {
    throw new Error("S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are not set: the integration tests need the test stack (run them through `npm test`, whose stack starts an S3-compatible server).");
  }
  return {
    endpoint: S3_ENDPOINT,
    bucket: S3_BUCKET,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
    region: process.env.S3_REGION ?? "us-east-1",
    forcePathStyle: process.env.S3_FORCE_PATH_STYLE !== "false",
  };
}
const s3FromEnv = () => new S3Storage(s3Options());

const localRoot = mkdtempSync(join(tmpdir(), "confer-blobs-"));
afterAll(() => rmSync(localRoot, { recursive: true, force: true }));

const drivers: [string, () => BlobStorage][] = [
  ["local disk", () => new LocalDiskStorage(localRoot)],
  ["S3", s3FromEnv],
];
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const streamOf = (bytes: Buffer, chunk = 64 * 1024) => Readable.from((function* () { for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk); })());
const readAll = async (body: ReadableStream<Uint8Array>) => Buffer.from(await new Response(body).arrayBuffer());

describe.each(drivers)("blob storage: %s", (_name, make) => {
  const storage = make();
  const keys: string[] = [];
  const key = () => {
    const made = `it/${randomUUID()}`;
    keys.push(made);
    return made;
  };
  afterAll(async () => {
    // One at a time: s3rver's folder store fails concurrent deletes under one prefix with a 500 (S3 does not).
    for (const made of keys) await storage.delete(made);
  });

  it("stores 3 MB byte for byte and reports its size and sha256", async () => {
    const bytes = randomBytes(3 * 1024 * 1024);
    const where = key();
    expect(await storage.put(where, streamOf(bytes), bytes.length)).toEqual({ size: bytes.length, sha256: sha256(bytes) });
    expect(await storage.size(where)).toBe(bytes.length);
    const content = await storage.get(where);
    expect(content!.size).toBe(bytes.length);
    expect(sha256(await readAll(content!.body))).toBe(sha256(bytes));
  });

  it("reads an inclusive byte range and still reports the whole size", async () => {
    const bytes = randomBytes(10_000);
    const where = key();
    await storage.put(where, streamOf(bytes, 1000), bytes.length);
    const part = await storage.get(where, { start: 1234, end: 5677 });
    expect(part!.size).toBe(10_000);
    expect((await readAll(part!.body)).equals(bytes.subarray(1234, 5678))).toBe(true);
  });

  it("keeps nothing when the stream is shorter or longer than announced", async () => {
    const bytes = randomBytes(5000);
    const short = key();
    await expect(storage.put(short, streamOf(bytes, 500), 6000)).rejects.toThrow(/Expected 6000 bytes, received 5000/);
    expect(await storage.size(short)).toBeNull();
    const long = key();
    await expect(storage.put(long, streamOf(bytes, 500), 4000)).rejects.toThrow(/Expected 4000 bytes/);
    expect(await storage.size(long)).toBeNull();
  });

  it("keeps nothing when the extra bytes arrive only after every announced byte was sent", async () => {
    // A server commits an object once it has `content-length` bytes: the pause gives it time to, unless the
    // driver holds the last bytes back until the source has ended (or deletes what was kept).
    const late = Readable.from(
      (async function* () {
        yield randomBytes(3000);
        await new Promise((resolve) => setTimeout(resolve, 300));
        yield Buffer.from("!");
      })(),
    );
    const where = key();
    await expect(storage.put(where, late, 3000)).rejects.toThrow(/Expected 3000 bytes, received 3001/);
    expect(await storage.size(where)).toBeNull();
  });

  it("answers null for a missing blob, deletes idempotently and refuses keys that could escape", async () => {
    const where = key();
    expect(await storage.get(where)).toBeNull();
    expect(await storage.size(where)).toBeNull();
    await storage.put(where, streamOf(Buffer.from("x")), 1);
    await storage.delete(where);
    await storage.delete(where);
    expect(await storage.size(where)).toBeNull();
    for (const bad of ["../x", "a/../../b", "", "/abs", "a//b"]) await expect(storage.size(bad)).rejects.toThrow(/Not a blob key/);
  });
});

describe("S3 presigned GET", () => {
  it("serves the object to a plain fetch with the overridden headers", async () => {
    const storage = s3FromEnv();
    const where = `it/${randomUUID()}`;
    const bytes = randomBytes(2048);
    await storage.put(where, streamOf(bytes), bytes.length);
    try {
      const url = await storage.presignGet(where, { expiresInSeconds: 60, responseContentDisposition: 'attachment; filename="report.pdf"', responseContentType: "application/pdf" });
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="report.pdf"');
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
      // s3rver checks the access key but no SigV4 signature, so this proves the URL's shape, not that S3 accepts it.
      const query = new URL(url).searchParams;
      expect(query.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
      expect(query.get("X-Amz-Expires")).toBe("60");
      expect(query.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await storage.delete(where);
    }
  });
});

describe("S3 buckets and errors", () => {
  it("creates a missing bucket once and accepts one that is there", async () => {
    const base = s3FromEnv();
    const bucket = `confer-it-${randomUUID().slice(0, 8)}`;
    const storage = new S3Storage({ ...s3Options(), bucket });
    const where = `it/${randomUUID()}`;
    await expect(storage.put(where, streamOf(Buffer.from("abc")), 3)).rejects.toThrow(/HTTP 404 NoSuchBucket/);
    await storage.ensureBucket();
    await storage.ensureBucket();
    await base.ensureBucket();
    try {
      expect((await storage.put(where, streamOf(Buffer.from("abc")), 3)).size).toBe(3);
      expect(await base.size(where)).toBeNull();
      expect(await storage.size(where)).toBe(3);
    } finally {
      await storage.delete(where);
      // The driver has no bucket removal (the app never needs one), so the test cleans up with a bare signed request.
      const { endpoint, accessKeyId, secretAccessKey, region } = s3Options();
      const client = new AwsClient({ accessKeyId, secretAccessKey, service: "s3", region });
      expect((await client.fetch(`${endpoint.replace(/\/$/, "")}/${bucket}`, { method: "DELETE" })).status).toBe(204);
    }
  });

  it("names the status and S3's error code when a request is refused", async () => {
    const storage = new S3Storage({ ...s3Options(), accessKeyId: "NOT-A-KEY" });
    await expect(storage.size(`it/${randomUUID()}`)).rejects.toThrow(/HTTP 403/);
    await expect(storage.put(`it/${randomUUID()}`, streamOf(Buffer.from("abc")), 3)).rejects.toThrow(/HTTP 403 InvalidAccessKeyId/);
  });
});
