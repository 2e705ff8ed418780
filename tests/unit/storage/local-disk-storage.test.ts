import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "@/lib/server/storage/local-disk-storage";

let root: string;
let storage: LocalDiskStorage;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "confer-local-blobs-"));
  storage = new LocalDiskStorage(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
/** Several chunks, so a length check has to add up across them. */
const streamOf = (bytes: Buffer, chunk = 1000) =>
  Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
    })(),
  );
const readAll = async (body: ReadableStream<Uint8Array>) => Buffer.from(await new Response(body).arrayBuffer());
/** Every file under the store's folder, so a leftover (blob or `.partial`) cannot hide in a sub-folder. */
const filesIn = (folder: string) => readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);

describe("LocalDiskStorage", () => {
  it("stores the exact bytes and reports the size and a sha256 equal to node:crypto's", async () => {
    const bytes = randomBytes(150_000);
    const stored = await storage.put("chat/abc/file-1", streamOf(bytes, 7_777), bytes.length);
    expect(stored).toEqual({ size: 150_000, sha256: sha256(bytes) });
    expect(readFileSync(join(root, "chat", "abc", "file-1")).equals(bytes)).toBe(true);
    const content = await storage.get("chat/abc/file-1");
    expect(content!.size).toBe(150_000);
    expect((await readAll(content!.body)).equals(bytes)).toBe(true);
    expect(await storage.size("chat/abc/file-1")).toBe(150_000);
  });

  it("reads an inclusive byte range and reports the whole blob's size", async () => {
    const bytes = randomBytes(10_000);
    await storage.put("ranged", streamOf(bytes), bytes.length);
    const part = await storage.get("ranged", { start: 100, end: 4_099 });
    expect(part!.size).toBe(10_000);
    const read = await readAll(part!.body);
    expect(read.length).toBe(4_000);
    expect(read.equals(bytes.subarray(100, 4_100))).toBe(true);
    const last = await storage.get("ranged", { start: 9_999, end: 9_999 });
    expect((await readAll(last!.body)).equals(bytes.subarray(9_999))).toBe(true);
  });

  it("rejects a stream shorter than announced and leaves no file, partial or whole", async () => {
    await expect(storage.put("short/blob", streamOf(randomBytes(5_000)), 5_001)).rejects.toThrow("Expected 5001 bytes, received 5000.");
    expect(filesIn(root)).toEqual([]);
    expect(await storage.size("short/blob")).toBeNull();
  });

  it("rejects a stream longer than announced and leaves no file, partial or whole", async () => {
    await expect(storage.put("long/blob", streamOf(randomBytes(5_000)), 4_999)).rejects.toThrow(/^Expected 4999 bytes, received \d+\.$/);
    expect(filesIn(root)).toEqual([]);
    expect(await storage.size("long/blob")).toBeNull();
  });

  it("leaves nothing when the source stream fails midway", async () => {
    const failing = Readable.from(
      (async function* () {
        yield randomBytes(1_000);
        throw new Error("client went away");
      })(),
    );
    await expect(storage.put("broken", failing, 2_000)).rejects.toThrow("client went away");
    expect(filesIn(root)).toEqual([]);
  });

  it("answers null for a missing blob and deletes one that is gone without complaint", async () => {
    expect(await storage.size("missing")).toBeNull();
    expect(await storage.get("missing")).toBeNull();
    await expect(storage.delete("missing")).resolves.toBeUndefined();
    await storage.put("present", streamOf(Buffer.from("hello")), 5);
    await storage.delete("present");
    expect(await storage.size("present")).toBeNull();
    expect(filesIn(root)).toEqual([]);
  });

  it.each(["../x", "a/../../b", "", "/etc/passwd", "a//b", "a/"])("refuses the key %j for every operation", async (key) => {
    await expect(storage.put(key, streamOf(Buffer.from("x")), 1)).rejects.toThrow("Not a blob key");
    await expect(storage.get(key)).rejects.toThrow("Not a blob key");
    await expect(storage.size(key)).rejects.toThrow("Not a blob key");
    await expect(storage.delete(key)).rejects.toThrow("Not a blob key");
    expect(filesIn(root)).toEqual([]);
  });
});
