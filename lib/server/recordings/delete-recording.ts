import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { forbidden } from "@/lib/server/http/app-error";
import { type FinalizeDeps, defaultFinalizeDeps } from "./finalize-recording";
import { findViewableRecording } from "./find-viewable-recording";
import { withUploadLock } from "./recording-uploads";

/**
 * A host (or admin) deletes a recording: its bytes first, then the row is marked deleted (and left for the
 * retention job to remove), so a blob that fails to go keeps a row that names it. Those who may watch but not
 * delete get 403; everyone else 404. An upload still running stops taking bytes; a finalize still running sees the
 * mark and deletes what it stored.
 */
export async function deleteRecording(actor: Actor, id: string, deps: FinalizeDeps = defaultFinalizeDeps(), now = new Date()): Promise<void> {
  const recording = await findViewableRecording(actor, id);
  if (!recording.canDelete) throw forbidden("Only the room's hosts and admins may delete its recordings.");
  if (recording.storageKey) await deps.storage.delete(recording.storageKey);
  await prisma.$transaction(async (tx) => {
    await tx.recording.update({ where: { id }, data: { deletedAt: now, retainUntil: now } });
    await tx.auditLog.create({ data: { actorId: actor.id, action: "recording.deleted", targetType: "recording", targetId: id, data: { meetingId: recording.meetingId, part: recording.part } } });
  });
  if (recording.status === "recording") await withUploadLock(deps.uploads, id, () => deps.uploads.remove(id));
}
