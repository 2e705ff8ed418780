import "server-only";
import { prisma } from "@/lib/db/prisma";
import { detectIssues, type DetectorSample } from "@/lib/domain/quality/detect-issues";

/**
 * Runs the quality-issue detector over a meeting's raw samples and replaces its QualityIssue rows, in one
 * transaction, so calling it again (a retried meeting-end record, the demo seed) gives the same rows.
 * Participant ids in samples are Participation ids (PartyKit's participant id), so they are stored as they are.
 */
export async function analyzeMeeting(meetingId: string): Promise<{ issues: number }> {
  const rows = await prisma.qualitySample.findMany({
    where: { meetingId, peerParticipationId: { not: null } },
    orderBy: { at: "asc" },
    select: {
      participationId: true,
      peerParticipationId: true,
      at: true,
      lossPct: true,
      jitterMs: true,
      rttMs: true,
      bitrateInKbps: true,
      bitrateOutKbps: true,
      frameWidth: true,
      frameHeight: true,
      fps: true,
      qualityLimitation: true,
      candidateType: true,
    },
  });
  const samples: DetectorSample[] = rows.map((row) => ({
    participantId: row.participationId,
    peerId: row.peerParticipationId,
    at: row.at.getTime(),
    lossPct: row.lossPct,
    jitterMs: row.jitterMs,
    rttMs: row.rttMs,
    bitrateInKbps: row.bitrateInKbps,
    bitrateOutKbps: row.bitrateOutKbps,
    frameWidth: row.frameWidth,
    frameHeight: row.frameHeight,
    fps: row.fps,
    qualityLimitation: asLimitation(row.qualityLimitation),
    candidateType: asCandidate(row.candidateType),
  }));
  const issues = detectIssues(samples);
  await prisma.$transaction(async (tx) => {
    await tx.qualityIssue.deleteMany({ where: { meetingId } });
    if (issues.length === 0) return;
    await tx.qualityIssue.createMany({
      data: issues.map((issue) => ({
        meetingId,
        kind: issue.kind,
        severity: issue.severity,
        startedAt: new Date(issue.startedAt),
        endedAt: new Date(issue.endedAt),
        affectedIds: issue.affectedIds,
        suspectedCause: issue.suspectedCause,
        causeParticipationId: issue.causeParticipantId,
        evidence: issue.evidence,
      })),
    });
  });
  return { issues: issues.length };
}

const LIMITATIONS = ["none", "bandwidth", "cpu", "other"] as const;
const CANDIDATES = ["host", "srflx", "prflx", "relay"] as const;

function asLimitation(value: string | null): DetectorSample["qualityLimitation"] {
  return LIMITATIONS.find((known) => known === value) ?? null;
}
function asCandidate(value: string | null): DetectorSample["candidateType"] {
  return CANDIDATES.find((known) => known === value) ?? null;
}
