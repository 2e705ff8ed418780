import "server-only";
import { prisma } from "@/lib/db/prisma";
import { STALE_PROCESSING_MS, recordingRetainUntil } from "@/lib/domain/recording-lifecycle";
import { readRoomPolicy } from "@/lib/domain/room-policy";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { blobStorage } from "@/lib/server/storage/storage";
import { type RecordingUploads, recordingUploads, withUploadLock } from "./recording-uploads";
import { NotWebmError, makeWebmSeekable, seekableWebmStream } from "./webm-seekable";

export type FinalizeDeps = { storage: BlobStorage; uploads: RecordingUploads };
export const defaultFinalizeDeps = (): FinalizeDeps => ({ storage: blobStorage(), uploads: recordingUploads() });

export type FinalizeOutcome =
  | { status: "ready"; durationMs: number; size: number }
  | { status: "failed"; reason: string }
  /** Someone else is finalizing it, it is done already, or it was deleted. */
  | { status: "skipped" };

/** Takes the recording for this finalize; only one caller (of any instance) wins. */
async function claim(id: string, retryStale: boolean, now: Date): Promise<boolean> {
  const where = retryStale
    ? { id, deletedAt: null, status: "PROCESSING" as const, updatedAt: { lte: new Date(now.getTime() - STALE_PROCESSING_MS) } }
    : { id, deletedAt: null, status: "RECORDING" as const };
  const { count } = await prisma.recording.updateMany({ where, data: { status: "PROCESSING" } });
  return count === 1;
}

async function fail(id: string, reason: string, uploads: RecordingUploads, now: Date): Promise<FinalizeOutcome> {
  const row = await prisma.recording.findUnique({ where: { id }, select: { endedAt: true, room: { select: { policy: true } } } });
  // A failed recording has no file, but its row still goes with the retention, like a ready one would.
  const retainUntil = row ? recordingRetainUntil(row.endedAt ?? now, readRoomPolicy(row.room.policy).recordingRetentionDays) : null;
  await prisma.recording.updateMany({ where: { id, status: "PROCESSING" }, data: { status: "FAILED", failureReason: reason, retainUntil } });
  await uploads.remove(id);
  return { status: "failed", reason };
}

/**
 * Turns what the recorder uploaded into the stored recording: a seekable webm with its duration, in blob storage
 * under an app-made key. Works the same on a finished upload and on one its recorder abandoned (a closed tab): the
 * bytes that arrived are the recording. Bytes that are not webm fail it with the reason. A storage failure leaves
 * it processing, and the sweep tries again once that is stale.
 */
export async function finalizeRecording(id: string, deps: FinalizeDeps = defaultFinalizeDeps(), options: { retryStale?: boolean; now?: Date } = {}): Promise<FinalizeOutcome> {
  const now = options.now ?? new Date();
  if (!(await claim(id, options.retryStale ?? false, now))) return { status: "skipped" };
  const { storage, uploads } = deps;
  return withUploadLock(uploads, id, async () => {
    const upload = await uploads.find(id);
    if (!upload || !upload.offset) return fail(id, "No bytes of the recording arrived.", uploads, now);
    const path = uploads.pathOf(id);
    let webm;
    try {
      webm = await makeWebmSeekable(path);
    } catch (error) {
      if (error instanceof NotWebmError) return fail(id, error.message, uploads, now);
      throw error;
    }
    const storageKey = `recordings/${id}`;
    const { body, size } = seekableWebmStream(path, webm);
    const stored = await storage.put(storageKey, body, size);

    const row = await prisma.recording.findUnique({ where: { id }, select: { endedAt: true, lastUploadAt: true, room: { select: { policy: true } } } });
    // A recording without a stop (its recorder vanished) ended when its last bytes came.
    const endedAt = row?.endedAt ?? row?.lastUploadAt ?? now;
    const retainUntil = row ? recordingRetainUntil(endedAt, readRoomPolicy(row.room.policy).recordingRetentionDays) : null;
    const { count } = await prisma.recording.updateMany({
      where: { id, status: "PROCESSING", deletedAt: null },
      data: {
        status: "READY",
        storageKey,
        size: BigInt(stored.size),
        sha256: stored.sha256,
        receivedSha256: webm.receivedSha256,
        uploadedBytes: BigInt(webm.receivedBytes),
        durationMs: webm.durationMs,
        endedAt,
        retainUntil,
        failureReason: null,
      },
    });
    await uploads.remove(id);
    if (count === 0) {
      // Deleted (or its room was) while this ran: nothing may keep its bytes.
      await storage.delete(storageKey);
      return { status: "skipped" };
    }
    return { status: "ready", durationMs: webm.durationMs, size: stored.size };
  });
}
