import "server-only";
import { prisma } from "@/lib/db/prisma";
import { type FinalizeDeps, defaultFinalizeDeps } from "./finalize-recording";

const BATCH = 200;

/**
 * Retention: recordings past their `retainUntil` (from the room's policy, set when they became ready or failed, or
 * when a host deleted them) go — each blob first, then its row, so a blob that fails to go keeps its row and is
 * tried again on the next run. Meant for the cleanup job.
 */
export async function expireRecordings(now = new Date(), deps: FinalizeDeps = defaultFinalizeDeps()): Promise<{ deleted: number }> {
  let deleted = 0;
  for (;;) {
    const due = await prisma.recording.findMany({
      // Open ones only once a host deleted them: an upload in progress is never cut short by retention.
      where: { retainUntil: { lt: now }, OR: [{ status: { in: ["READY", "FAILED"] } }, { deletedAt: { not: null } }] },
      select: { id: true, storageKey: true },
      orderBy: { retainUntil: "asc" },
      take: BATCH,
    });
    if (due.length === 0) break;
    const removed: string[] = [];
    for (const recording of due) {
      try {
        if (recording.storageKey) await deps.storage.delete(recording.storageKey);
        await deps.uploads.remove(recording.id);
        removed.push(recording.id);
      } catch (error) {
        console.error(`Retention could not delete recording ${recording.id}'s bytes; it is tried again next run`, error);
      }
    }
    if (removed.length > 0) await prisma.recording.deleteMany({ where: { id: { in: removed } } });
    deleted += removed.length;
    if (removed.length < due.length || due.length < BATCH) break;
  }
  return { deleted };
}
