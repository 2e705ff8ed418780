import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { blobStorage } from "@/lib/server/storage/storage";
import { BRANDING_ID } from "./current-branding";

/**
 * The logo for the public route (the sign-in page shows it before anyone signs in): anyone may fetch it. Null
 * when there is none. Only types checked at upload are ever stored, so the stored type is served as is.
 */
export async function openBrandingLogo(storage: BlobStorage = blobStorage()) {
  const row = await prisma.organizationBranding.findUnique({ where: { id: BRANDING_ID }, select: { logoKey: true, logoType: true, logoSha256: true } });
  if (!row?.logoKey || !row.logoType || !row.logoSha256) return null;
  return { type: row.logoType, sha256: row.logoSha256, read: () => storage.get(row.logoKey!) };
}
