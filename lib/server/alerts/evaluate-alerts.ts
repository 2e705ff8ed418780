import "server-only";
import { prisma } from "@/lib/db/prisma";
import {
  fleetPoorQualityAlert,
  liveMeetingDegradedAlert,
  type AlertCandidate,
  type LiveMeetingFacts,
} from "@/lib/domain/alerts/rules";

const HOUR_MS = 3_600_000;
/** A minute rollup counts as degraded (poor/lost) when most of its samples were poor or lost. */
const degradedMinute = (r: { samples: number; poorSamples: number }) => r.samples > 0 && r.poorSamples * 2 > r.samples;
/** A meeting had poor quality in the hour when at least this share of its samples were poor or lost. */
const MEETING_POOR_SAMPLE_SHARE = 0.2;

/**
 * Evaluates the alert rules (lib/domain/alerts/rules.ts) against the rollups and stores new Alert rows.
 * Idempotent: `dedupeKey` is unique and `createMany({ skipDuplicates })` drops ones already raised, so running
 * it on an interval or concurrently never duplicates an alert. Returns the alerts created by this run.
 */
export async function evaluateAlerts(now: Date = new Date()): Promise<AlertCandidate[]> {
  const candidates = [...(await liveMeetingCandidates()), ...(await fleetCandidates(now))];
  if (candidates.length === 0) return [];
  const existing = await prisma.alert.findMany({
    where: { dedupeKey: { in: candidates.map((c) => c.dedupeKey) } },
    select: { dedupeKey: true },
  });
  const seen = new Set(existing.map((a) => a.dedupeKey));
  const fresh = candidates.filter((c) => !seen.has(c.dedupeKey));
  await prisma.alert.createMany({
    data: fresh.map((c) => ({
      rule: c.rule,
      severity: c.severity,
      title: c.title,
      message: c.message,
      meetingId: c.meetingId,
      data: c.data as object,
      dedupeKey: c.dedupeKey,
    })),
    skipDuplicates: true,
  });
  return fresh;
}

async function liveMeetingCandidates(): Promise<AlertCandidate[]> {
  const live = await prisma.meeting.findMany({ where: { endedAt: null }, select: { id: true, title: true } });
  const out: AlertCandidate[] = [];
  for (const meeting of live) {
    const latest = await prisma.participantQualityMinute.findFirst({
      where: { meetingId: meeting.id },
      orderBy: { minute: "desc" },
      select: { minute: true },
    });
    if (!latest) continue;
    const rows = await prisma.participantQualityMinute.findMany({
      where: { meetingId: meeting.id, minute: latest.minute },
      select: { participationId: true, samples: true, poorSamples: true },
    });
    const facts: LiveMeetingFacts = {
      meetingId: meeting.id,
      title: meeting.title,
      minute: latest.minute,
      participants: rows.map((r) => ({ participationId: r.participationId, state: degradedMinute(r) ? "poor" : "good" })),
    };
    const alert = liveMeetingDegradedAlert(facts);
    if (alert) out.push(alert);
  }
  return out;
}

async function fleetCandidates(now: Date): Promise<AlertCandidate[]> {
  const rows = await prisma.meetingQualityMinute.groupBy({
    by: ["meetingId"],
    where: { minute: { gte: new Date(now.getTime() - HOUR_MS), lte: now } },
    _sum: { samples: true, poorSamples: true },
  });
  const meetings = rows.map((r) => {
    const samples = r._sum.samples ?? 0;
    return { meetingId: r.meetingId, poor: samples > 0 && (r._sum.poorSamples ?? 0) / samples >= MEETING_POOR_SAMPLE_SHARE };
  });
  const alert = fleetPoorQualityAlert({ now, meetings });
  return alert ? [alert] : [];
}
