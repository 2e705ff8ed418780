import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { type BrandingInput, canManageBranding, refuseLowContrast } from "@/lib/domain/branding/branding-input";
import { AppError, forbidden } from "@/lib/server/http/app-error";
import { BRANDING_ID } from "./current-branding";

/**
 * An admin sets the organization's name, sign-in message and colours. Colours that would fall under WCAG AA
 * are refused field by field with the measured ratio and the nearest shade that passes, so branding can never
 * make the app inaccessible.
 */
export async function updateBranding(actor: Actor, input: BrandingInput): Promise<void> {
  if (!canManageBranding(actor)) throw forbidden("Only admins can change the organization's branding.");
  const refusals = refuseLowContrast(input);
  if (refusals) throw new AppError("invalid_request", "A colour does not keep text readable.", { formErrors: [], ...refusals });
  const data = { ...input, updatedById: actor.id };
  await prisma.$transaction(async (tx) => {
    await tx.organizationBranding.upsert({ where: { id: BRANDING_ID }, create: { id: BRANDING_ID, ...data }, update: data });
    await tx.auditLog.create({ data: { actorId: actor.id, action: "branding.updated", targetType: "organization", targetId: BRANDING_ID, data: { ...input } } });
  });
}
