import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { fileTypeFromFile } from "file-type";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { canManageBranding, LOGO_TYPES, MAX_LOGO_BYTES } from "@/lib/domain/branding/branding-input";
import { spoolUpload } from "@/lib/server/files/spool-upload";
import { AppError, forbidden } from "@/lib/server/http/app-error";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { blobStorage } from "@/lib/server/storage/storage";
import { BRANDING_ID } from "./current-branding";

export type LogoUpload = {
  /** The request's Content-Length: an oversized logo is refused before a byte is read. */
  readonly size: number;
  readonly body: ReadableStream<Uint8Array>;
};

const isLogoType = (type: string | undefined): type is (typeof LOGO_TYPES)[number] => (LOGO_TYPES as readonly string[]).includes(type ?? "");

/**
 * An admin replaces the organization's logo. The type comes from the bytes (PNG, JPEG or WebP; SVG, which
 * can carry script, and everything else is refused); the blob goes to the storage layer under a fresh key, the
 * row points at it, then the old blob goes. A refusal or failure leaves the previous logo in place.
 */
export async function setBrandingLogo(actor: Actor, upload: LogoUpload, storage: BlobStorage = blobStorage()): Promise<{ logoType: string; size: number }> {
  if (!canManageBranding(actor)) throw forbidden("Only admins can change the organization's branding.");
  if (upload.size > MAX_LOGO_BYTES) throw new AppError("payload_too_large", `The logo is larger than ${MAX_LOGO_BYTES / 1024} KB. Export a smaller PNG, JPEG or WebP.`);
  if (upload.size === 0) throw new AppError("invalid_request", "The logo file is empty.");

  const spooled = await spoolUpload(upload.body, upload.size);
  try {
    const detected = (await fileTypeFromFile(spooled.path))?.mime;
    if (!isLogoType(detected)) {
      throw new AppError("unsupported_media_type", "The logo must be a PNG, JPEG or WebP image. SVG is not accepted: it can carry script.", { detectedType: detected ?? null });
    }
    const storageKey = `branding/logo-${randomBytes(16).toString("hex")}`;
    const stored = await storage.put(storageKey, createReadStream(spooled.path), spooled.size);
    let previousKey: string | null;
    try {
      previousKey = await prisma.$transaction(async (tx) => {
        const previous = await tx.organizationBranding.findUnique({ where: { id: BRANDING_ID }, select: { logoKey: true } });
        const logo = { logoKey: storageKey, logoType: detected, logoSize: stored.size, logoSha256: stored.sha256, updatedById: actor.id };
        await tx.organizationBranding.upsert({ where: { id: BRANDING_ID }, create: { id: BRANDING_ID, ...logo }, update: logo });
        await tx.auditLog.create({ data: { actorId: actor.id, action: "branding.logo_set", targetType: "organization", targetId: BRANDING_ID, data: { type: detected, size: stored.size } } });
        return previous?.logoKey ?? null;
      });
    } catch (error) {
      await storage.delete(storageKey);
      throw error;
    }
    if (previousKey) await storage.delete(previousKey);
    return { logoType: detected, size: stored.size };
  } finally {
    await spooled.discard();
  }
}
