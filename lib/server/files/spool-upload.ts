import "server-only";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "@/lib/server/http/app-error";
import { BlobSizeMismatchError } from "@/lib/server/storage/blob-storage";
import { HashingCounter } from "@/lib/server/storage/hashing-counter";

export type SpooledUpload = { readonly path: string; readonly size: number; readonly sha256: string; readonly discard: () => Promise<void> };

/**
 * Takes an upload's body to a private temporary file, exactly `size` bytes (its Content-Length): the type is
 * detected and the file scanned there, before anything reaches storage or the database.
 */
export async function spoolUpload(body: ReadableStream<Uint8Array>, size: number): Promise<SpooledUpload> {
  const folder = await mkdtemp(join(tmpdir(), "confer-upload-"));
  const discard = () => rm(folder, { recursive: true, force: true });
  const path = join(folder, "body");
  const counter = new HashingCounter(size);
  try {
    await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>), counter, createWriteStream(path, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    await discard();
    if (error instanceof BlobSizeMismatchError) throw new AppError("invalid_request", "The upload was cut short or longer than announced; nothing was stored.");
    throw new AppError("invalid_request", "The upload did not arrive in full; nothing was stored.");
  }
  return { path, ...counter.digest(), discard };
}
