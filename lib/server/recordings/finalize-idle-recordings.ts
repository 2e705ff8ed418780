import "server-only";
import { prisma } from "@/lib/db/prisma";
import { type RecordingStatus, finalizeDecision } from "@/lib/domain/recording-lifecycle";
import { RECORDING_IDLE_FINALIZE_MS } from "@/lib/recording/upload-protocol";
import { type FinalizeDeps, defaultFinalizeDeps, finalizeRecording } from "./finalize-recording";

const BATCH = 100;

export type IdleSweep = { ready: number; failed: number; waiting: number };

/**
 * The sweep: every recording still open whose upload is over in all but name — finished, stopped and quiet for
 * RECORDING_IDLE_FINALIZE_MS, its recorder gone, or a finalize that died — is finalized from what arrived
 * (lib/domain/recording-lifecycle.ts decides which). One at a time, so a long file never takes both cores.
 * `waiting` counts those still recording, for the caller to know whether to run again.
 */
export async function finalizeIdleRecordings(deps: FinalizeDeps = defaultFinalizeDeps(), now = new Date()): Promise<IdleSweep> {
  const open = await prisma.recording.findMany({
    where: { status: { in: ["RECORDING", "PROCESSING"] }, deletedAt: null },
    select: { id: true, status: true, uploadFinishedAt: true, stopReason: true, endedAt: true, lastUploadAt: true, createdAt: true, updatedAt: true },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  const sweep: IdleSweep = { ready: 0, failed: 0, waiting: 0 };
  for (const row of open) {
    const decision = finalizeDecision(
      {
        status: row.status.toLowerCase() as RecordingStatus,
        uploadFinished: row.uploadFinishedAt !== null,
        stopReason: row.stopReason,
        endedAt: row.endedAt,
        lastActivityAt: row.lastUploadAt ?? row.createdAt,
        updatedAt: row.updatedAt,
      },
      now,
      RECORDING_IDLE_FINALIZE_MS,
    );
    if (!decision.finalize) {
      sweep.waiting += 1;
      continue;
    }
    try {
      const outcome = await finalizeRecording(row.id, deps, { retryStale: decision.why === "stale-processing", now });
      if (outcome.status === "ready") sweep.ready += 1;
      if (outcome.status === "failed") sweep.failed += 1;
    } catch (error) {
      console.error(`Could not finalize recording ${row.id} (${decision.why}); tried again when stale`, error);
    }
  }
  return sweep;
}
