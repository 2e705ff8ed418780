import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { fileTypeFromFile } from "file-type";
import { serverEnv } from "@/lib/config/server-env";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { DEFAULT_BLOCKED_TYPES, refuseOversize, refuseUpload, safeFileName } from "@/lib/domain/file-policy";
import { signAttachmentTicket } from "@/lib/chat/attachment-ticket";
import { ATTACHMENT_URL_PREFIX, type StoredChatFile } from "@/lib/signaling/chat";
import { AppError, forbidden } from "@/lib/server/http/app-error";
import { queryPartyPresence } from "@/lib/server/party/query-party-presence";
import { findVisibleRoom } from "@/lib/server/rooms/find-visible-room";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { blobStorage } from "@/lib/server/storage/storage";
import { scanForMalware } from "./scan-for-malware";
import { spoolUpload } from "./spool-upload";

export type ChatFileUpload = {
  readonly roomId: string;
  readonly name: string;
  readonly declaredType: string;
  /** The request's Content-Length: required, so an oversized upload is refused before a byte is read. */
  readonly size: number;
  readonly body: ReadableStream<Uint8Array>;
};

const refusalStatus = { too_large: "payload_too_large", empty: "invalid_request", blocked_type: "unsupported_media_type", type_mismatch: "unsupported_media_type" } as const;

/**
 * A file for the chat of the meeting the actor is in: checked against the limits, typed from its bytes,
 * scanned when a scanner is set up, then stored and recorded. Any refusal or failure leaves nothing behind.
 */
export async function shareChatFile(actor: Actor, upload: ChatFileUpload, storage: BlobStorage = blobStorage()): Promise<StoredChatFile & { id: string }> {
  const env = serverEnv();
  const limits = { maxBytes: env.FILE_UPLOAD_MAX_BYTES, blockedTypes: env.FILE_UPLOAD_BLOCKED_TYPES.length > 0 ? env.FILE_UPLOAD_BLOCKED_TYPES : DEFAULT_BLOCKED_TYPES };
  const early = refuseOversize(upload.size, limits.maxBytes);
  if (early) throw new AppError(refusalStatus[early.code], early.message);

  const room = await findVisibleRoom(actor, upload.roomId);
  const presence = await queryPartyPresence(room.id, actor.id);
  if (!presence.seated || presence.meetingId === null) throw forbidden("Join the meeting to share files in its chat.");
  if (!presence.mayChat) throw forbidden("Chat is turned off for you in this meeting.");

  const spooled = await spoolUpload(upload.body, upload.size);
  try {
    const detectedType = (await fileTypeFromFile(spooled.path))?.mime ?? null;
    const refusal = refuseUpload({ size: spooled.size, declaredType: upload.declaredType, detectedType }, limits);
    if (refusal) throw new AppError(refusalStatus[refusal.code], refusal.message, { reason: refusal.code });
    await scanForMalware(spooled.path, env.CLAMAV_SOCKET);

    const id = randomBytes(16).toString("hex");
    const storageKey = `chat/${id}`;
    const stored = await storage.put(storageKey, createReadStream(spooled.path), spooled.size);
    const name = safeFileName(upload.name);
    try {
      await prisma.storedFile.create({
        data: { id, storageKey, ownerId: actor.id, roomId: room.id, meetingId: presence.meetingId, name, declaredType: upload.declaredType, detectedType, size: stored.size, sha256: stored.sha256 },
      });
    } catch (error) {
      await storage.delete(storageKey);
      throw error;
    }
    const mimeType = detectedType ?? upload.declaredType;
    const ticket = await signAttachmentTicket({ fileId: id, meetingId: presence.meetingId, ownerId: actor.id, name, size: stored.size, mimeType }, env.PARTY_SECRET);
    return { id, name, size: stored.size, mimeType, url: `${ATTACHMENT_URL_PREFIX}${id}`, ticket };
  } finally {
    await spooled.discard();
  }
}
