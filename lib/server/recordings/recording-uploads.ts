import "server-only";
import { join, resolve } from "node:path";
import { FileStore } from "@tus/file-store";
import { type Locker, MemoryLocker, type Upload } from "@tus/server";
import { serverEnv } from "@/lib/config/server-env";

/**
 * Where uploads in progress live: tus files on the app server's disk (a folder beside the local blobs), whatever
 * the blob driver. Only a finished recording goes to blob storage (S3 or local), after it was made seekable. One
 * store and one lock table per folder and process, shared by the tus endpoint and finalize, so a finalize waits for
 * a chunk still being written. With several app instances they need the same folder (a shared volume) or sticky
 * routing by upload URL; @tus/s3-store would remove that need (not used yet).
 */
export type RecordingUploads = {
  readonly directory: string;
  readonly store: FileStore;
  readonly locker: Locker;
  /** The upload's bytes on disk. */
  pathOf(id: string): string;
  /** null when there is no such upload (never created, or finalized and removed). */
  find(id: string): Promise<Upload | null>;
  /** Removing an upload that is gone already is not an error. */
  remove(id: string): Promise<void>;
};

const notThere = (error: { status_code?: number }) => error?.status_code === 404 || error?.status_code === 410;

// On globalThis: Next.js may load this module once per route bundle, and every route must share one lock table.
const registry = globalThis as typeof globalThis & { __conferRecordingUploads?: Map<string, RecordingUploads> };

export function recordingUploads(directory = join(serverEnv().FILE_STORAGE_DIR, "recording-uploads")): RecordingUploads {
  const byDirectory = (registry.__conferRecordingUploads ??= new Map());
  const root = resolve(directory);
  const known = byDirectory.get(root);
  if (known) return known;
  const store = new FileStore({ directory: root });
  const uploads: RecordingUploads = {
    directory: root,
    store,
    locker: new MemoryLocker(),
    pathOf: (id) => join(root, id),
    find: (id) =>
      store.getUpload(id).catch((error) => {
        if (notThere(error)) return null;
        throw error;
      }),
    remove: (id) =>
      store.remove(id).catch((error) => {
        if (!notThere(error)) throw error;
      }),
  };
  byDirectory.set(root, uploads);
  return uploads;
}

/** Holds an upload's lock (the one tus takes for HEAD and PATCH) while `work` runs. */
export async function withUploadLock<T>(uploads: RecordingUploads, id: string, work: () => Promise<T>): Promise<T> {
  const lock = uploads.locker.newLock(id);
  // A chunk still being written finishes first; finalize never asks it to stop early.
  await lock.lock(AbortSignal.timeout(60_000), () => undefined);
  try {
    return await work();
  } finally {
    await lock.unlock();
  }
}
