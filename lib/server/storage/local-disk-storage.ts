import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertBlobKey, type BlobContent, type BlobStorage, type ByteRange, type StoredBlob } from "./blob-storage";
import { HashingCounter } from "./hashing-counter";

/**
 * Blobs as files under one folder (the default: `npm run dev` needs no set-up). A put writes a temporary file
 * beside the target and renames it into place, so readers never see half a blob and a failed put leaves none.
 */
export class LocalDiskStorage implements BlobStorage {
  readonly driver = "local" as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    assertBlobKey(key);
    return join(this.root, key);
  }

  async put(key: string, body: Readable, size: number): Promise<StoredBlob> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.${randomUUID()}.partial`;
    const counter = new HashingCounter(size);
    try {
      await pipeline(body, counter, createWriteStream(partial, { flags: "wx" }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return counter.digest();
  }

  async get(key: string, range?: ByteRange): Promise<BlobContent | null> {
    const path = this.pathOf(key);
    const size = await this.size(key);
    if (size === null) return null;
    const stream = createReadStream(path, range ? { start: range.start, end: range.end } : {});
    return { body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, size };
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async size(key: string): Promise<number | null> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? info.size : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }
}
