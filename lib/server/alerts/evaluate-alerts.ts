import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { prisma } from "@/lib/db/prisma";
import {
  fleetPoorQualityAlert,
  liveMeetingDegradedAlert,
  type AlertCandidate,
  type LiveMeetingFacts,
} from "@/lib/domain/alerts/rules";

const HOUR_MS = 3_600_000;
/**
 * A live meeting's latest minute must be this recent to count: a meeting left "live" by a crash keeps its last
 * rollups forever and must not raise a "live" alert hours later.
 */
const LIVE_WINDOW_MS = 10 * 60_000;
/** A minute rollup counts as degraded (poor/lost) when most of its samples were poor or lost. */
const degradedMinute = (r: { samples: number; poorSamples: number }) => r.samples > 0 && r.poorSamples * 2 > r.samples;
/** A meeting had poor quality in the hour when at least this share of its samples were poor or lost. */
const MEETING_POOR_SAMPLE_SHARE = 0.2;

export type EvaluateAlertsOptions = {
  /** Mark new alerts `webhookStatus: "pending"` for delivery; default: whether ALERT_WEBHOOK_URL is set. */
  webhook?: boolean;
};

/**
 * Evaluates the alert rules (lib/domain/alerts/rules.ts) against the rollups and stores new Alert rows.
 * Idempotent: `dedupeKey` is unique and `createMany({ skipDuplicates })` drops ones already raised, so running
 * it on an interval or concurrently never duplicates an alert. Returns the candidates that were new to this run
 * (under a concurrent run the database still holds each only once).
 */
export async function evaluateAlerts(now: Date = new Date(), options: EvaluateAlertsOptions = {}): Promise<AlertCandidate[]> {
  const webhook = options.webhook ?? Boolean(serverEnv().ALERT_WEBHOOK_URL);
  const candidates = [...(await liveMeetingCandidates(now)), ...(await fleetCandidates(now))];
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
      webhookStatus: webhook ? "pending" : null,
    })),
    skipDuplicates: true,
  });
  return fresh;
}

/** One query: every participant minute of the last LIVE_WINDOW_MS in meetings that have not ended. */
async function liveMeetingCandidates(now: Date): Promise<AlertCandidate[]> {
  const rows = await prisma.participantQualityMinute.findMany({
    where: { minute: { gte: new Date(now.getTime() - LIVE_WINDOW_MS), lte: now }, meeting: { endedAt: null } },
    select: { meetingId: true, participationId: true, minute: true, samples: true, poorSamples: true, meeting: { select: { title: true } } },
  });
  const byMeeting = new Map<string, typeof rows>();
  for (const row of rows) byMeeting.set(row.meetingId, [...(byMeeting.get(row.meetingId) ?? []), row]);
  const out: AlertCandidate[] = [];
  for (const [meetingId, meetingRows] of byMeeting) {
    const latest = Math.max(...meetingRows.map((r) => r.minute.getTime()));
    const current = meetingRows.filter((r) => r.minute.getTime() === latest);
    const facts: LiveMeetingFacts = {
      meetingId,
      title: current[0]?.meeting.title ?? meetingId,
      minute: new Date(latest),
      participants: current.map((r) => ({ participationId: r.participationId, state: degradedMinute(r) ? "poor" : "good" })),
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
