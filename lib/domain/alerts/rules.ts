/**
 * Pure alert rules. The evaluation use case loads the facts (latest minute rollups, last hour's meetings) and
 * turns each returned candidate into an Alert row keyed by `dedupeKey`, so re-evaluating never duplicates one.
 */
export type AlertSeverity = "WARNING" | "CRITICAL";

export type AlertCandidate = {
  rule: "live-meeting-degraded" | "fleet-poor-quality";
  severity: AlertSeverity;
  title: string;
  message: string;
  meetingId: string | null;
  data: Record<string, unknown>;
  /** One alert per rule + subject + window. */
  dedupeKey: string;
};

/** A participant's state in the latest minute rollup of a live meeting. */
export type ParticipantMinuteState = "good" | "fair" | "poor" | "lost";

export type LiveMeetingFacts = {
  meetingId: string;
  title: string;
  /** Start of the latest minute that has rollups for this meeting. */
  minute: Date;
  participants: readonly { participationId: string; state: ParticipantMinuteState }[];
};

export const DEGRADED_PARTICIPANTS_THRESHOLD = 3;
export const FLEET_POOR_SHARE_THRESHOLD = 0.2;

const isDegraded = (s: ParticipantMinuteState) => s === "poor" || s === "lost";

/** Rule 1: a live meeting with at least 3 degraded (poor or lost) participants in its latest minute. */
export function liveMeetingDegradedAlert(facts: LiveMeetingFacts): AlertCandidate | null {
  const degraded = facts.participants.filter((p) => isDegraded(p.state));
  if (degraded.length < DEGRADED_PARTICIPANTS_THRESHOLD) return null;
  return {
    rule: "live-meeting-degraded",
    severity: degraded.length === facts.participants.length ? "CRITICAL" : "WARNING",
    title: `${degraded.length} participants degraded in “${facts.title}”`,
    message: `${degraded.length} of ${facts.participants.length} participants had poor or lost quality in the minute starting ${facts.minute.toISOString()}.`,
    meetingId: facts.meetingId,
    data: {
      minute: facts.minute.toISOString(),
      // Sorted so the stored alert does not depend on the order the database returned the rows in.
      degraded: degraded.map((p) => p.participationId).sort(),
      participants: facts.participants.length,
    },
    // The subject is the meeting; the window is the hour, so a long degradation raises one alert per hour.
    dedupeKey: `live-meeting-degraded:${facts.meetingId}:${hourWindow(facts.minute)}`,
  };
}

export type FleetHourFacts = {
  /** End of the one-hour window (evaluation time). */
  now: Date;
  /** Meetings with any rollup in the last hour, and whether each had poor quality in it. */
  meetings: readonly { meetingId: string; poor: boolean }[];
};

/** Rule 2: more than 20% of the meetings active in the last hour had poor quality. */
export function fleetPoorQualityAlert(facts: FleetHourFacts): AlertCandidate | null {
  const total = facts.meetings.length;
  if (total === 0) return null;
  const poor = facts.meetings.filter((m) => m.poor).length;
  const share = poor / total;
  if (share <= FLEET_POOR_SHARE_THRESHOLD) return null;
  const pct = Math.round(share * 100);
  return {
    rule: "fleet-poor-quality",
    severity: share > 0.5 ? "CRITICAL" : "WARNING",
    title: `${pct}% of meetings had poor quality in the last hour`,
    message: `${poor} of ${total} meetings active in the last hour had poor quality (threshold ${FLEET_POOR_SHARE_THRESHOLD * 100}%).`,
    meetingId: null,
    data: { poor, total, share },
    dedupeKey: `fleet-poor-quality:all:${hourWindow(facts.now)}`,
  };
}

/** The UTC hour a moment falls in, e.g. "2026-11-24T19". */
export function hourWindow(at: Date): string {
  return at.toISOString().slice(0, 13);
}
