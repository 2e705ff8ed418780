import "server-only";
import type { Actor } from "@/lib/domain/actor";
import { canViewFleetAnalytics } from "@/lib/domain/report-access";
import { prisma } from "@/lib/db/prisma";
import { notFound } from "@/lib/server/http/app-error";

export type AlertListItem = {
  id: string;
  rule: string;
  severity: "WARNING" | "CRITICAL";
  title: string;
  message: string;
  meetingId: string | null;
  createdAt: Date;
  readAt: Date | null;
  webhookStatus: string | null;
  webhookAttempts: number;
};

/** One page of alerts, newest first (createdAt index; id breaks ties so pages are stable). Admins only. */
export async function listAlerts(actor: Actor, options: { page: number; pageSize: number }): Promise<{ alerts: AlertListItem[]; total: number; unread: number }> {
  if (!canViewFleetAnalytics(actor)) throw notFound("Page");
  const [alerts, total, unread] = await Promise.all([
    prisma.alert.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (options.page - 1) * options.pageSize,
      take: options.pageSize,
      select: {
        id: true,
        rule: true,
        severity: true,
        title: true,
        message: true,
        meetingId: true,
        createdAt: true,
        readAt: true,
        webhookStatus: true,
        webhookAttempts: true,
      },
    }),
    prisma.alert.count(),
    prisma.alert.count({ where: { readAt: null } }),
  ]);
  return { alerts, total, unread };
}
