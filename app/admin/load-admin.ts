import "server-only";
import { notFound, redirect } from "next/navigation";
import { canViewFleetAnalytics } from "@/lib/domain/report-access";
import { currentActor } from "@/lib/server/session/current-actor";

/**
 * The fleet pages are admin-only: visitors go to sign-in, signed-in non-admins get the 404 page (the same answer
 * as for a page that does not exist, so the admin area is not advertised).
 */
export async function requireAdminPage(returnPath: string) {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnPath)}`);
  if (!canViewFleetAnalytics(actor)) notFound();
  return actor;
}
