import type { ConnectionQuality } from "./connection-quality";
import type { CandidateType, QualityLimitationReason, StatsSummary } from "./stats-summary";

/** One peer connection's figures over the last interval, as analytics stores them (issue 5). */
export type QualitySampleFigures = {
  at: number;
  lossPct: number | null;
  jitterMs: number | null;
  rttMs: number | null;
  bitrateInKbps: number | null;
  bitrateOutKbps: number | null;
  frameWidth: number | null;
  frameHeight: number | null;
  fps: number | null;
  qualityLimitation: QualityLimitationReason | null;
  codec: string | null;
  candidateType: CandidateType | null;
  score: 0 | 1 | 2 | 3;
};

const SCORES: Record<ConnectionQuality, 0 | 1 | 2 | 3> = { lost: 0, poor: 1, good: 2, excellent: 3 };

/** The stream with the most pixels: the camera or screen that dominates what the link carries. */
function largest<T extends { width: number | null; height: number | null }>(streams: readonly T[]): T | null {
  let best: T | null = null;
  for (const stream of streams) {
    if (!best || (stream.width ?? 0) * (stream.height ?? 0) > (best.width ?? 0) * (best.height ?? 0)) best = stream;
  }
  return best;
}

/** The wire schema rejects a whole message for one odd figure; a NaN or out-of-range value becomes unknown/clamped instead. */
function bounded(value: number | null | undefined, max: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.min(max, Math.max(0, value));
}

function pixels(value: number | null | undefined): number | null {
  const figure = bounded(value, 16_384);
  return figure === null ? null : Math.round(figure);
}

const LIMITATION_ORDER: readonly QualityLimitationReason[] = ["none", "other", "bandwidth", "cpu"];

/**
 * Flattens a StatsSummary into a sample, read as "this reporter receiving from that peer": loss is inbound only
 * (what the peer sent us that did not arrive), since the outbound direction of this link is the peer's own
 * inbound sample, and counting it here too would blame both ends for one lossy path. Frame size and fps
 * are the largest received video, else the largest sent one; the limitation is the worst over sent streams
 * (cpu over bandwidth, since a CPU-bound encoder says nothing about the network); the candidate type is ours,
 * `relay` meaning this participant's media went through TURN.
 */
export function toQualitySample(summary: StatsSummary, quality: ConnectionQuality): QualitySampleFigures {
  const video = largest(summary.inbound.video) ?? largest(summary.outbound.video);
  const limitations = summary.outbound.video.map((stream) => stream.qualityLimitationReason).filter((x): x is QualityLimitationReason => x !== null);
  const qualityLimitation = limitations.length === 0 ? null : limitations.reduce((a, b) => (LIMITATION_ORDER.indexOf(b) > LIMITATION_ORDER.indexOf(a) ? b : a));
  return {
    at: Math.round(summary.timestamp),
    lossPct: bounded(summary.inbound.packetLossPercent, 100),
    jitterMs: bounded(summary.inbound.jitterMs, 60_000),
    rttMs: bounded(summary.rttMs, 60_000),
    bitrateInKbps: bounded(summary.inbound.bitrateKbps, 10_000_000),
    bitrateOutKbps: bounded(summary.outbound.bitrateKbps, 10_000_000),
    frameWidth: pixels(video?.width),
    frameHeight: pixels(video?.height),
    fps: bounded(video?.framesPerSecond, 1000),
    qualityLimitation,
    codec: (video?.codec ?? summary.inbound.audioCodec ?? summary.outbound.audioCodec)?.slice(0, 64) ?? null,
    candidateType: summary.transport.localCandidateType,
    score: SCORES[quality],
  };
}
