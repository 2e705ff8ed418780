import "server-only";
import type { Actor } from "@/lib/domain/actor";
import { canViewFleetAnalytics } from "@/lib/domain/report-access";
import { prisma } from "@/lib/db/prisma";
import { forbidden, notFound } from "@/lib/server/http/app-error";

/** Marks one alert read (admins only). Reading it again keeps the first read time. */
export async function markAlertRead(actor: Actor, alertId: string, now: Date = new Date()): Promise<void> {
  if (!canViewFleetAnalytics(actor)) throw forbidden("Only admins can manage alerts.");
  const { count } = await prisma.alert.updateMany({ where: { id: alertId, readAt: null }, data: { readAt: now } });
  if (count === 0 && !(await prisma.alert.findUnique({ where: { id: alertId }, select: { id: true } }))) throw notFound("Alert");
}
