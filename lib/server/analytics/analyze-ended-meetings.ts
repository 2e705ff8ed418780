import "server-only";
import { prisma } from "@/lib/db/prisma";
import { analyzeMeeting } from "./analyze-meeting";

/**
 * Post-call analysis for those of `meetingIds` that have ended. Runs at meeting end and again when late samples of
 * an ended meeting arrive (PartyKit flushes samples and the end record from separate outboxes, in either order).
 */
export async function analyzeEndedMeetings(meetingIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(meetingIds)];
  if (ids.length === 0) return;
  const ended = await prisma.meeting.findMany({ where: { id: { in: ids }, endedAt: { not: null } }, select: { id: true } });
  for (const { id } of ended) await analyzeMeeting(id);
}
