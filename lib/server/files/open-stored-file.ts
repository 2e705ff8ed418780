import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { isRoomManager } from "@/lib/domain/room-access";
import { notFound } from "@/lib/server/http/app-error";
import { queryPartyPresence } from "@/lib/server/party/query-party-presence";
import type { BlobStorage, ByteRange } from "@/lib/server/storage/blob-storage";
import { blobStorage } from "@/lib/server/storage/storage";

export type StoredFileMeta = { id: string; name: string; detectedType: string | null; size: number; sha256: string; createdAt: Date };

/**
 * Who may fetch a shared file: the person who shared it, admins, the room's owner, and whoever took part in the
 * meeting it was shared in — by the meeting records, or, for those who joined moments ago, by PartyKit.
 */
async function mayFetch(actor: Actor, file: { ownerId: string | null; meetingId: string | null; roomId: string; room: { ownerId: string } }) {
  if (file.ownerId === actor.id || isRoomManager(actor, file.room)) return true;
  if (file.meetingId === null) return false;
  const [took, ended] = await Promise.all([
    prisma.participation.findFirst({ where: { meetingId: file.meetingId, userId: actor.id }, select: { id: true } }),
    prisma.meeting.findFirst({ where: { id: file.meetingId, endedAt: { not: null } }, select: { id: true } }),
  ]);
  if (took) return true;
  // Once the meeting has ended its records are complete: nobody can be in it without a Participation row.
  if (ended) return false;
  const presence = await queryPartyPresence(file.roomId, actor.id).catch(() => null);
  return presence !== null && presence.seated && presence.meetingId === file.meetingId;
}

/** A file's facts for someone allowed to fetch it; everyone else (and a deleted file) gets 404, as for no file. */
export async function findFetchableFile(actor: Actor, id: string): Promise<StoredFileMeta & { storageKey: string }> {
  const file = await prisma.storedFile.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, name: true, detectedType: true, size: true, sha256: true, createdAt: true, storageKey: true, ownerId: true, meetingId: true, roomId: true, room: { select: { ownerId: true } } },
  });
  if (!file || !(await mayFetch(actor, file))) throw notFound("File");
  return file;
}

/** The bytes (a part of them with a range); null when storage lost the blob. */
export async function readStoredFile(storageKey: string, range?: ByteRange, storage: BlobStorage = blobStorage()) {
  return storage.get(storageKey, range);
}
