import type { ConnectionQuality, ConnectionRating } from "@/lib/domain/connection-quality";
import type { StatsSummary } from "@/lib/domain/stats-summary";
import type { QualityLevel, QualitySummary } from "@/lib/signaling";

const rank: Record<ConnectionQuality, number> = { lost: 0, poor: 1, good: 2, excellent: 3 };

export function worseQuality(a: ConnectionQuality | null, b: ConnectionQuality | null): ConnectionQuality | null {
  if (a === null) return b;
  if (b === null) return a;
  return rank[a] <= rank[b] ? a : b;
}

function betterQuality(a: ConnectionQuality | null, b: ConnectionQuality | null): ConnectionQuality | null {
  if (a === null) return b;
  if (b === null) return a;
  return rank[a] >= rank[b] ? a : b;
}

/**
 * This participant's own connection from the ratings of their links: the level all of them share, i.e. the best
 * link's. A link is rated on both directions, so one peer's bad downlink spoils every link to that peer; a problem
 * of our own (our downlink, our uplink, our CPU) spoils all of ours. One poor link among good ones is the other
 * side's, and shows on that peer's tile. Null before any link is rated.
 */
export function ownConnectionQuality(levels: readonly ConnectionQuality[]): ConnectionQuality | null {
  return levels.reduce<ConnectionQuality | null>(betterQuality, null);
}

/** The latest engine output for one peer connection. */
export type PeerStats = { rating: ConnectionRating; summary: StatsSummary };

function known(values: readonly (number | null)[]): number[] {
  return values.filter((value): value is number => value !== null && Number.isFinite(value));
}

function maxOf(values: readonly (number | null)[]): number | null {
  const numbers = known(values);
  return numbers.length > 0 ? Math.max(...numbers) : null;
}

function sumOf(values: readonly (number | null)[]): number | null {
  const numbers = known(values);
  return numbers.length > 0 ? numbers.reduce((sum, value) => sum + value, 0) : null;
}

function meanOf(values: readonly (number | null)[]): number | null {
  const numbers = known(values);
  return numbers.length > 0 ? numbers.reduce((sum, value) => sum + value, 0) / numbers.length : null;
}

function rounded(value: number | null, max: number): number | null {
  return value === null ? null : Math.min(max, Math.round(value * 10) / 10);
}

/**
 * This participant's own connection, summarised over every peer connection for the `quality` message: the level
 * is ownConnectionQuality (others combine it with their own link to us on our tile); loss and jitter are the worst
 * seen, round-trip time the mean, bitrates the totals. Bounds follow lib/signaling's schema.
 */
export function qualityReport(peers: readonly PeerStats[]): { level: QualityLevel; summary: QualitySummary } | null {
  if (peers.length === 0) return null;
  const level = ownConnectionQuality(peers.map((peer) => peer.rating.quality))!;
  const summaries = peers.map((peer) => peer.summary);
  return {
    level,
    summary: {
      lossPct: rounded(maxOf(summaries.flatMap((summary) => [summary.inbound.packetLossPercent, summary.outbound.packetLossPercent])), 100),
      rttMs: rounded(meanOf(summaries.map((summary) => summary.rttMs)), 60_000),
      jitterMs: rounded(maxOf(summaries.map((summary) => summary.inbound.jitterMs)), 60_000),
      bitrateInKbps: rounded(sumOf(summaries.map((summary) => summary.inbound.bitrateKbps)), 10_000_000),
      bitrateOutKbps: rounded(sumOf(summaries.map((summary) => summary.outbound.bitrateKbps)), 10_000_000),
    },
  };
}
