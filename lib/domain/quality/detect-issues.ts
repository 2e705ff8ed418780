import type { QualitySampleFigures } from "../quality-sample";
import { SFU_LEGS } from "../sfu-legs";

/**
 * Quality-issue detector, pure: a meeting's per-(reporter × peer) samples (every 5 s) → issue intervals with a
 * suspected root cause. Thresholds follow lib/domain/connection-quality.ts (loss weighs 10× for video; delay
 * = rtt/2 + 2·jitter) and the published LiveKit / Jitsi cut-offs: loss ≥ 5 % degrades video noticeably
 * (Jitsi's "poor"), ≥ 10 % is unusable; RTT ≥ 300 ms breaks turn-taking (ITU-T G.114 ~400 ms one-way);
 * jitter ≥ 30 ms exceeds a typical jitter buffer target.
 * Ids stay the reporter/peer ids of the samples; the server maps them to Participation ids.
 */

/** A stored sample as the detector reads it: who reported on whom, and the figures (lib/domain/quality-sample.ts). */
export type DetectorSample = { participantId: string; peerId: string | null } & Omit<QualitySampleFigures, "codec" | "score">;

export type IssueKind =
  | "PACKET_LOSS"
  | "HIGH_LATENCY"
  | "JITTER"
  | "LOW_BITRATE"
  | "CPU_LIMITED"
  | "FROZEN_VIDEO"
  | "RELAY_FALLBACK";
export type IssueSeverity = "WARNING" | "CRITICAL";
export type IssueCause = "OWN_DOWNLINK" | "SENDER_UPLINK" | "LOCAL_CPU" | "NETWORK_PATH" | "UNKNOWN";

export type DetectedIssue = {
  kind: IssueKind;
  severity: IssueSeverity;
  startedAt: number;
  endedAt: number;
  /** Reporter ids whose experience degraded, sorted. */
  affectedIds: string[];
  suspectedCause: IssueCause;
  causeParticipantId: string | null;
  evidence: Record<string, number | string | string[]>;
};

export const SAMPLE_INTERVAL_MS = 5_000;
/** A condition must hold this long to become an issue (two consecutive 5-s samples). */
export const MIN_ISSUE_MS = 10_000;
/** Samples further apart than this break an interval (one missed sample is tolerated). */
const MAX_GAP_MS = 2 * SAMPLE_INTERVAL_MS + 1_000;

export const THRESHOLDS = {
  lossPct: { warning: 5, critical: 10 },
  rttMs: { warning: 300, critical: 500 },
  jitterMs: { warning: 30, critical: 100 },
  /**
   * Inbound video below these rates is a slideshow (LiveKit's lowest simulcast layer is ~150 kbps). The warning
   * line scales down with the picture received (see lowBitrateWarningKbps): 320×180 at 10 fps is healthy at
   * 100 kbps, while 640×360 at 15 fps starved to 100 kbps is not.
   */
  bitrateInKbps: { warning: 150, critical: 50 },
  /** Bits per pixel per frame a VP8/VP9 picture needs to look clean (≈ 0.04; Google's WebRTC rate tables). */
  minBitsPerPixel: 0.04,
  /** Below this fps with video flowing the picture reads as frozen. */
  frozenFps: 1,
  /** "Low loss" for CPU attribution. */
  lowLossPct: 2,
  /** A sender's own outbound rate under this backs SENDER_UPLINK. */
  lowBitrateOutKbps: 150,
} as const;

type Level = 0 | 1 | 2;

function graded(value: number | null, t: { warning: number; critical: number }, below = false): Level {
  if (value === null) return 0;
  if (below) return value < t.critical ? 2 : value < t.warning ? 1 : 0;
  return value >= t.critical ? 2 : value >= t.warning ? 1 : 0;
}

/**
 * A picture is being received: a size and a frame rate. A camera turned off leaves the last frame's size in the
 * stats with no frame rate, and its link then carries audio only, which is no low bitrate.
 */
const hasVideo = (s: DetectorSample) => (s.frameWidth ?? 0) > 0 && s.fps !== null;

/** The warning line for a sample's received picture, between the critical and the fixed warning rate. */
export function lowBitrateWarningKbps(s: DetectorSample): number {
  const { warning, critical } = THRESHOLDS.bitrateInKbps;
  if (s.frameWidth === null || s.frameHeight === null || s.fps === null) return warning;
  const needed = (s.frameWidth * s.frameHeight * s.fps * THRESHOLDS.minBitsPerPixel) / 1000;
  return Math.min(warning, Math.max(critical, needed));
}

const CONDITIONS: Record<IssueKind, (s: DetectorSample) => Level> = {
  PACKET_LOSS: (s) => graded(s.lossPct, THRESHOLDS.lossPct),
  HIGH_LATENCY: (s) => graded(s.rttMs, THRESHOLDS.rttMs),
  JITTER: (s) => graded(s.jitterMs, THRESHOLDS.jitterMs),
  LOW_BITRATE: (s) =>
    hasVideo(s) ? graded(s.bitrateInKbps, { warning: lowBitrateWarningKbps(s), critical: THRESHOLDS.bitrateInKbps.critical }, true) : 0,
  CPU_LIMITED: (s) => (s.qualityLimitation === "cpu" ? 1 : 0),
  FROZEN_VIDEO: (s) => (hasVideo(s) && s.fps !== null && s.fps < THRESHOLDS.frozenFps ? 2 : 0),
  RELAY_FALLBACK: (s) => (s.candidateType === "relay" ? 1 : 0),
};

const KINDS = Object.keys(CONDITIONS) as IssueKind[];

type PairInterval = {
  kind: IssueKind;
  receiver: string;
  sender: string;
  start: number;
  end: number;
  critical: number;
  samples: DetectorSample[];
};

/** Runs of consecutive samples meeting a condition, lasting ≥ MIN_ISSUE_MS. */
function pairIntervals(receiver: string, sender: string, series: DetectorSample[]): PairInterval[] {
  const out: PairInterval[] = [];
  for (const kind of KINDS) {
    let run: DetectorSample[] = [];
    let critical = 0;
    const close = () => {
      const first = run[0];
      const last = run[run.length - 1];
      if (first && last) {
        // Each sample covers the 5 s before its timestamp.
        const start = first.at - SAMPLE_INTERVAL_MS;
        const end = last.at;
        if (end - start >= MIN_ISSUE_MS) out.push({ kind, receiver, sender, start, end, critical, samples: run });
      }
      run = [];
      critical = 0;
    };
    for (const s of series) {
      const level = CONDITIONS[kind](s);
      const previous = run[run.length - 1];
      if (previous && s.at - previous.at > MAX_GAP_MS) close();
      if (level === 0) {
        close();
        continue;
      }
      run.push(s);
      if (level === 2) critical += 1;
    }
    close();
  }
  return out;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

const mean = (values: number[]) => (values.length ? values.reduce((x, y) => x + y, 0) / values.length : 0);
const round = (value: number) => Math.round(value * 10) / 10;

export function detectIssues(samples: readonly DetectorSample[]): DetectedIssue[] {
  const series = new Map<string, DetectorSample[]>();
  for (const s of samples) {
    if (s.peerId === null) continue;
    const key = `${s.participantId}\u0000${s.peerId}`;
    const list = series.get(key) ?? [];
    list.push(s);
    series.set(key, list);
  }
  const pairs = [...series.values()].map((list) => {
    const { participantId: receiver, peerId } = list[0]!;
    return { receiver, sender: peerId ?? "", list: list.sort((a, b) => a.at - b.at) };
  });
  const intervals = pairs.flatMap(({ receiver, sender, list }) => pairIntervals(receiver, sender, list));

  const inboundPeers = (receiver: string) => new Set(pairs.filter((p) => p.receiver === receiver).map((p) => p.sender));
  const outbound = (sender: string, window: PairInterval) =>
    samples.filter((s) => s.participantId === sender && s.at > window.start && s.at <= window.end);

  function attribute(iv: PairInterval): Pick<DetectedIssue, "suspectedCause" | "causeParticipantId" | "evidence"> {
    const lossValues = iv.samples.map((s) => s.lossPct ?? 0);
    const evidence: DetectedIssue["evidence"] = {
      receiver: iv.receiver,
      sender: iv.sender,
      meanLossPct: round(mean(lossValues)),
      meanRttMs: round(mean(iv.samples.map((s) => s.rttMs ?? 0))),
      meanJitterMs: round(mean(iv.samples.map((s) => s.jitterMs ?? 0))),
      meanFps: round(mean(iv.samples.map((s) => s.fps ?? 0))),
      samples: iv.samples.length,
    };
    if (iv.kind === "RELAY_FALLBACK") return { suspectedCause: "NETWORK_PATH", causeParticipantId: null, evidence };

    const cpuLimited = iv.samples.some((s) => s.qualityLimitation === "cpu");
    if (iv.kind === "CPU_LIMITED" || (iv.kind === "FROZEN_VIDEO" && mean(lossValues) < THRESHOLDS.lowLossPct)) {
      // qualityLimitation is an outbound stat: "cpu" on the receiver's report is the receiver's own encoder;
      // the frozen picture with clean loss points at the receiver's decoder/CPU too.
      return {
        suspectedCause: "LOCAL_CPU",
        causeParticipantId: iv.receiver,
        evidence: { ...evidence, qualityLimitation: cpuLimited ? "cpu" : "none" },
      };
    }

    // Through the SFU each leg is measured by itself (lib/domain/sfu-legs.ts): a degraded leg is its owner's
    // uplink or downlink, whatever the others see.
    if (iv.sender === SFU_LEGS.uplink) return { suspectedCause: "SENDER_UPLINK", causeParticipantId: iv.receiver, evidence };
    if (iv.sender === SFU_LEGS.downlink) return { suspectedCause: "OWN_DOWNLINK", causeParticipantId: iv.receiver, evidence };

    const same = intervals.filter((o) => o.kind === iv.kind && overlaps(o, iv));
    // Several receivers of this sender degrade at once, and the sender itself reports a constrained uplink.
    const degradedReceivers = new Set(same.filter((o) => o.sender === iv.sender).map((o) => o.receiver));
    if (degradedReceivers.size >= 2) {
      const own = outbound(iv.sender, iv);
      const bandwidthLimited = own.filter((s) => s.qualityLimitation === "bandwidth").length;
      const meanOut = mean(own.map((s) => s.bitrateOutKbps ?? 0));
      if (own.length > 0 && (bandwidthLimited * 2 >= own.length || meanOut < THRESHOLDS.lowBitrateOutKbps)) {
        return {
          suspectedCause: "SENDER_UPLINK",
          causeParticipantId: iv.sender,
          evidence: {
            ...evidence,
            degradedReceivers: [...degradedReceivers].sort(),
            senderBandwidthLimitedSamples: bandwidthLimited,
            senderMeanBitrateOutKbps: round(meanOut),
          },
        };
      }
    }
    // This receiver degrades on all its inbound peers while the others receive those senders fine.
    const peers = inboundPeers(iv.receiver);
    const degradedSenders = new Set(same.filter((o) => o.receiver === iv.receiver).map((o) => o.sender));
    const othersFine = [...degradedSenders].every(
      (sender) => !same.some((o) => o.sender === sender && o.receiver !== iv.receiver),
    );
    if (peers.size >= 2 && degradedSenders.size === peers.size && othersFine) {
      return {
        suspectedCause: "OWN_DOWNLINK",
        causeParticipantId: iv.receiver,
        evidence: { ...evidence, degradedSenders: [...degradedSenders].sort() },
      };
    }
    if (degradedReceivers.size === 1 && degradedSenders.size === 1) {
      return { suspectedCause: "NETWORK_PATH", causeParticipantId: null, evidence };
    }
    return { suspectedCause: "UNKNOWN", causeParticipantId: null, evidence };
  }

  // One issue per kind × cause × cause participant, merging overlapping pair intervals.
  const issues: DetectedIssue[] = [];
  for (const iv of intervals) {
    const cause = attribute(iv);
    const severity: IssueSeverity = iv.critical >= 2 ? "CRITICAL" : "WARNING";
    const match = issues.find(
      (issue) =>
        issue.kind === iv.kind &&
        issue.suspectedCause === cause.suspectedCause &&
        issue.causeParticipantId === cause.causeParticipantId &&
        (cause.causeParticipantId !== null || issue.affectedIds.includes(iv.receiver)) &&
        overlaps({ start: issue.startedAt, end: issue.endedAt }, iv),
    );
    if (match) {
      match.startedAt = Math.min(match.startedAt, iv.start);
      match.endedAt = Math.max(match.endedAt, iv.end);
      if (!match.affectedIds.includes(iv.receiver)) match.affectedIds = [...match.affectedIds, iv.receiver].sort();
      if (severity === "CRITICAL") match.severity = "CRITICAL";
      continue;
    }
    issues.push({
      kind: iv.kind,
      severity,
      startedAt: iv.start,
      endedAt: iv.end,
      affectedIds: [iv.receiver],
      ...cause,
    });
  }
  return issues.sort((a, b) => a.startedAt - b.startedAt || a.kind.localeCompare(b.kind));
}
