import type { Readable } from "node:stream";

/** Inclusive byte offsets, as in an HTTP `Range: bytes=start-end` header. */
export type ByteRange = { readonly start: number; readonly end: number };

export type BlobContent = {
  /** The requested bytes (the whole blob without a range). */
  readonly body: ReadableStream<Uint8Array>;
  /** The whole blob's size, whatever part was asked for. */
  readonly size: number;
};

export type StoredBlob = { readonly size: number; readonly sha256: string };

/**
 * Where file bytes live. Keys are opaque ids chosen by the app (never user input); names, types and owners
 * live in Postgres (StoredFile). A put either stores every byte or leaves nothing behind.
 */
export interface BlobStorage {
  readonly driver: "local" | "s3";
  /** Stores exactly `size` bytes from `body` under `key`; a shorter or longer stream rejects and stores nothing. */
  put(key: string, body: Readable, size: number): Promise<StoredBlob>;
  /** null when there is no such blob. A range must lie inside the blob (callers check it against its size). */
  get(key: string, range?: ByteRange): Promise<BlobContent | null>;
  /** Removing a blob that is gone already is not an error. */
  delete(key: string): Promise<void>;
  /** Bytes, or null when there is no such blob. */
  size(key: string): Promise<number | null>;
}

export class BlobSizeMismatchError extends Error {
  constructor(expected: number, received: number) {
    super(`Expected ${expected} bytes, received ${received}.`);
    this.name = "BlobSizeMismatchError";
  }
}

/** Keys are app-made ids; refusing anything else keeps a bug from ever reaching outside the store. */
export function assertBlobKey(key: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}(?:\/[A-Za-z0-9][A-Za-z0-9_-]{0,127}){0,3}$/.test(key)) {
    throw new Error(`Not a blob key: ${JSON.stringify(key)}`);
  }
}
