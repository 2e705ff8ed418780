/**
 * Per-minute rollups of quality samples, pure. The ingest use case upserts these additively
 * (`samples = t.samples + excluded.samples`, `lossPctMax = GREATEST(...)`), so batches can arrive in any order
 * and split a minute between them: every field here is a sum, a count or a max.
 *
 * Rows are keyed by the reporter's participantId; the ingest layer maps it to a Participation id.
 * A sample is "poor" when its score is 0 or 1 (lost / poor, lib/domain/connection-quality.ts).
 * Null figures count as 0 in sums: the dashboards divide sums by `samples`, and a missing figure is rare
 * (first interval of a connection), so the bias is small and the row stays additive.
 */

/** The figures a rollup reads; structurally a subset of QualitySampleInput (lib/internal-api/analytics-batch.ts),
 * declared here so lib/domain imports nothing outside itself. */
export type RollupSample = {
  meetingId: string;
  participantId: string;
  at: number;
  lossPct: number | null;
  jitterMs: number | null;
  rttMs: number | null;
  bitrateInKbps: number | null;
  bitrateOutKbps: number | null;
  fps: number | null;
  score: number;
};

export const MINUTE_MS = 60_000;
const POOR_SCORE_AT_MOST = 1;

export type ParticipantMinuteRollup = {
  meetingId: string;
  participantId: string;
  /** Start of the minute, epoch ms. */
  minute: number;
  samples: number;
  poorSamples: number;
  scoreSum: number;
  lossPctSum: number;
  lossPctMax: number;
  jitterMsSum: number;
  rttMsSum: number;
  bitrateInKbpsSum: number;
  bitrateOutKbpsSum: number;
  fpsSum: number;
};

export type MeetingMinuteRollup = {
  meetingId: string;
  minute: number;
  samples: number;
  poorSamples: number;
  scoreSum: number;
  lossPctSum: number;
  rttMsSum: number;
  jitterMsSum: number;
  /** Distinct reporters in this minute within the rolled-up samples (the upsert keeps the max across batches). */
  participants: number;
};

export function minuteOf(at: number): number {
  return at - (at % MINUTE_MS);
}

export function rollupMinutes(samples: readonly RollupSample[]): {
  participantMinutes: ParticipantMinuteRollup[];
  meetingMinutes: MeetingMinuteRollup[];
} {
  const byParticipant = new Map<string, ParticipantMinuteRollup>();
  const byMeeting = new Map<string, MeetingMinuteRollup & { reporters: Set<string> }>();

  for (const sample of samples) {
    const minute = minuteOf(sample.at);
    const poor = sample.score <= POOR_SCORE_AT_MOST ? 1 : 0;
    const loss = sample.lossPct ?? 0;

    const pKey = `${sample.meetingId}\u0000${sample.participantId}\u0000${minute}`;
    let p = byParticipant.get(pKey);
    if (!p) {
      p = {
        meetingId: sample.meetingId,
        participantId: sample.participantId,
        minute,
        samples: 0,
        poorSamples: 0,
        scoreSum: 0,
        lossPctSum: 0,
        lossPctMax: 0,
        jitterMsSum: 0,
        rttMsSum: 0,
        bitrateInKbpsSum: 0,
        bitrateOutKbpsSum: 0,
        fpsSum: 0,
      };
      byParticipant.set(pKey, p);
    }
    p.samples += 1;
    p.poorSamples += poor;
    p.scoreSum += sample.score;
    p.lossPctSum += loss;
    p.lossPctMax = Math.max(p.lossPctMax, loss);
    p.jitterMsSum += sample.jitterMs ?? 0;
    p.rttMsSum += sample.rttMs ?? 0;
    p.bitrateInKbpsSum += sample.bitrateInKbps ?? 0;
    p.bitrateOutKbpsSum += sample.bitrateOutKbps ?? 0;
    p.fpsSum += sample.fps ?? 0;

    const mKey = `${sample.meetingId}\u0000${minute}`;
    let m = byMeeting.get(mKey);
    if (!m) {
      m = {
        meetingId: sample.meetingId,
        minute,
        samples: 0,
        poorSamples: 0,
        scoreSum: 0,
        lossPctSum: 0,
        rttMsSum: 0,
        jitterMsSum: 0,
        participants: 0,
        reporters: new Set(),
      };
      byMeeting.set(mKey, m);
    }
    m.samples += 1;
    m.poorSamples += poor;
    m.scoreSum += sample.score;
    m.lossPctSum += loss;
    m.rttMsSum += sample.rttMs ?? 0;
    m.jitterMsSum += sample.jitterMs ?? 0;
    m.reporters.add(sample.participantId);
  }

  const meetingMinutes = [...byMeeting.values()].map(({ reporters, ...row }) => ({
    ...row,
    participants: reporters.size,
  }));
  return { participantMinutes: [...byParticipant.values()], meetingMinutes };
}
