import "server-only";
import { prisma } from "@/lib/db/prisma";

/**
 * Everything the post-call report shows for one meeting: participants, per-participant per-minute averages from
 * ParticipantQualityMinute (sums ÷ samples), and the issues analysis found. Access is checked by the caller
 * (getReportAccess); this returns null for a missing meeting.
 */
export type MinutePoint = {
  minute: string;
  lossPct: number;
  rttMs: number;
  jitterMs: number;
  bitrateInKbps: number;
  bitrateOutKbps: number;
  score: number;
};

export type MeetingReport = {
  id: string;
  title: string;
  startedAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  participants: {
    id: string;
    displayName: string;
    role: string;
    joinedAt: Date;
    leftAt: Date | null;
    leaveReason: string | null;
    minutes: MinutePoint[];
  }[];
  issues: {
    id: string;
    kind: string;
    severity: string;
    startedAt: Date;
    endedAt: Date;
    affectedNames: string[];
    suspectedCause: string;
    causeName: string | null;
    evidence: unknown;
  }[];
};

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function getMeetingReport(meetingId: string): Promise<MeetingReport | null> {
  const meeting = await prisma.meeting.findUnique({
    where: { id: meetingId },
    include: {
      participations: { orderBy: { joinedAt: "asc" } },
      qualityMinutes: { orderBy: { minute: "asc" } },
      qualityIssues: { orderBy: { startedAt: "asc" } },
    },
  });
  if (!meeting) return null;
  const names = new Map(meeting.participations.map((p) => [p.id, p.displayName]));
  const minutesByParticipant = new Map<string, MinutePoint[]>();
  for (const m of meeting.qualityMinutes) {
    if (m.samples === 0) continue;
    const points = minutesByParticipant.get(m.participationId) ?? [];
    points.push({
      minute: m.minute.toISOString(),
      lossPct: round(m.lossPctSum / m.samples),
      rttMs: round(m.rttMsSum / m.samples),
      jitterMs: round(m.jitterMsSum / m.samples),
      bitrateInKbps: round(m.bitrateInKbpsSum / m.samples),
      bitrateOutKbps: round(m.bitrateOutKbpsSum / m.samples),
      score: round(m.scoreSum / m.samples, 2),
    });
    minutesByParticipant.set(m.participationId, points);
  }
  return {
    id: meeting.id,
    title: meeting.title,
    startedAt: meeting.startedAt,
    endedAt: meeting.endedAt,
    endReason: meeting.endReason,
    participants: meeting.participations.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      role: p.role,
      joinedAt: p.joinedAt,
      leftAt: p.leftAt,
      leaveReason: p.leaveReason,
      minutes: minutesByParticipant.get(p.id) ?? [],
    })),
    issues: meeting.qualityIssues.map((i) => ({
      id: i.id,
      kind: i.kind,
      severity: i.severity,
      startedAt: i.startedAt,
      endedAt: i.endedAt,
      affectedNames: i.affectedIds.map((id) => names.get(id) ?? id),
      suspectedCause: i.suspectedCause,
      causeName: i.causeParticipationId ? (names.get(i.causeParticipationId) ?? i.causeParticipationId) : null,
      evidence: i.evidence,
    })),
  };
}
