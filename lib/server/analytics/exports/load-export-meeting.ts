import "server-only";
import { prisma } from "@/lib/db/prisma";

/**
 * The meeting header and its participants, which every export needs (names for ids). Participants are read
 * whole: there is one row per join, bounded by the meeting's size (hundreds at most), unlike samples and
 * issues, which are paged. Null when the meeting does not exist.
 */
export type ExportMeeting = NonNullable<Awaited<ReturnType<typeof loadExportMeeting>>>;

export async function loadExportMeeting(meetingId: string) {
  return prisma.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      title: true,
      startedAt: true,
      endedAt: true,
      endReason: true,
      participations: {
        orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
        select: { id: true, displayName: true, role: true, joinedAt: true, leftAt: true, leaveReason: true },
      },
    },
  });
}

export function participantNames(meeting: ExportMeeting): Map<string, string> {
  return new Map(meeting.participations.map((p) => [p.id, p.displayName]));
}
