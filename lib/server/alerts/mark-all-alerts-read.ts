import "server-only";
import type { Actor } from "@/lib/domain/actor";
import { canViewFleetAnalytics } from "@/lib/domain/report-access";
import { prisma } from "@/lib/db/prisma";
import { forbidden } from "@/lib/server/http/app-error";

/**
 * Marks every unread alert raised up to `upTo` read (admins only). `upTo` is when the admin's page was rendered,
 * so an alert that arrives while they look at the list is not marked read unseen.
 */
export async function markAllAlertsRead(actor: Actor, upTo: Date, now: Date = new Date()): Promise<{ marked: number }> {
  if (!canViewFleetAnalytics(actor)) throw forbidden("Only admins can manage alerts.");
  const { count } = await prisma.alert.updateMany({ where: { readAt: null, createdAt: { lte: upTo } }, data: { readAt: now } });
  return { marked: count };
}
