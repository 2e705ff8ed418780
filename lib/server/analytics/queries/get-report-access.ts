import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { reportAccess, type ReportAccess } from "@/lib/domain/report-access";

/**
 * Loads the facts the pure rule needs (room owner, users who hosted) and applies it.
 * Returns null when the meeting does not exist, so callers answer 404 for both "missing" and (for non-admins)
 * "denied" without revealing which meetings exist.
 */
export async function getReportAccess(actor: Actor, meetingId: string): Promise<ReportAccess | null> {
  const meeting = await prisma.meeting.findUnique({
    where: { id: meetingId },
    select: {
      room: { select: { ownerId: true } },
      participations: {
        where: { OR: [{ role: "HOST" }, { roleChanges: { some: { toRole: "HOST" } } }], userId: { not: null } },
        select: { userId: true },
      },
    },
  });
  if (!meeting) return null;
  return reportAccess(actor, {
    roomOwnerId: meeting.room?.ownerId ?? null,
    hostUserIds: meeting.participations.flatMap((p) => (p.userId ? [p.userId] : [])),
  });
}
