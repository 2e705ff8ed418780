import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { canManageBranding } from "@/lib/domain/branding/branding-input";
import { forbidden } from "@/lib/server/http/app-error";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { blobStorage } from "@/lib/server/storage/storage";
import { BRANDING_ID } from "./current-branding";

/** An admin goes back to the defaults of a fresh install (ORG_NAME, built-in colours, no logo or message). */
export async function resetBranding(actor: Actor, storage: BlobStorage = blobStorage()): Promise<void> {
  if (!canManageBranding(actor)) throw forbidden("Only admins can change the organization's branding.");
  const previousKey = await prisma.$transaction(async (tx) => {
    const previous = await tx.organizationBranding.findUnique({ where: { id: BRANDING_ID }, select: { logoKey: true } });
    if (!previous) return null;
    await tx.organizationBranding.delete({ where: { id: BRANDING_ID } });
    await tx.auditLog.create({ data: { actorId: actor.id, action: "branding.reset", targetType: "organization", targetId: BRANDING_ID } });
    return previous.logoKey;
  });
  if (previousKey) await storage.delete(previousKey);
}
