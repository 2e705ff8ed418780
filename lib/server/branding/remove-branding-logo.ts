import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { canManageBranding } from "@/lib/domain/branding/branding-input";
import { forbidden } from "@/lib/server/http/app-error";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { blobStorage } from "@/lib/server/storage/storage";
import { BRANDING_ID } from "./current-branding";

/** An admin removes the logo: the pages go back to the name's initial. The row first, then the blob. */
export async function removeBrandingLogo(actor: Actor, storage: BlobStorage = blobStorage()): Promise<void> {
  if (!canManageBranding(actor)) throw forbidden("Only admins can change the organization's branding.");
  const previousKey = await prisma.$transaction(async (tx) => {
    const previous = await tx.organizationBranding.findUnique({ where: { id: BRANDING_ID }, select: { logoKey: true } });
    if (!previous?.logoKey) return null;
    await tx.organizationBranding.update({ where: { id: BRANDING_ID }, data: { logoKey: null, logoType: null, logoSize: null, logoSha256: null, updatedById: actor.id } });
    await tx.auditLog.create({ data: { actorId: actor.id, action: "branding.logo_removed", targetType: "organization", targetId: BRANDING_ID } });
    return previous.logoKey;
  });
  if (previousKey) await storage.delete(previousKey);
}
