import type { StatsSummary } from "./stats-summary";

/**
 * Connection quality with one peer, from one stats interval. The model follows LiveKit's scorer
 * (livekit/livekit pkg/sfu/connectionquality/scorer.go, a simplified ITU-T E-model) and takes from Jitsi's
 * ConnectionQuality (lib-jitsi-meet modules/connectivity/ConnectionQuality.ts) the rule that sending video
 * below its target counts against quality. Score 0–100:
 *
 *   packet score  = 100 − delay penalty − loss % × loss weight, for each direction; the worse one counts
 *     delay penalty: d = RTT/2 + 2 × jitter (ms); d/40, or (d − 120)/10 once d > 160 ms
 *                    (RTT 100 ms and jitter 10 ms cost 1.75 points; RTT 400 ms costs 8)
 *     loss weight:   video 10 — excellent up to 2 % loss, poor from 6 %. Jitsi's loss-only ladder agrees:
 *                    full bars up to 2 %, two bars or fewer above 6 %.
 *                    audio only, Opus with in-band FEC: 8 / 1.5 — excellent up to 3.75 %, poor from 11.25 %.
 *   bitrate score = 100 − 20 × ln(target / sent), only while the encoder reports it is bandwidth-limited:
 *                   excellent down to 1/2.7 of the target, poor below 1/20. A cpu-limited encoder says
 *                   nothing about the network and is not penalised.
 *   score         = min(packet scores, bitrate score)
 *
 * Levels: > 80 excellent, > 40 good, otherwise poor (LiveKit's R-factor mapping, which deliberately widens
 * "good" because jitter buffers and FEC hide moderate impairment). "lost" when the ICE transport is not up or
 * nothing at all (media, RTCP, STUN) arrived during the interval.
 *
 * Smoothing (LiveKit): a falling score moves 70 % of the way to the new value per interval, a rising one 40 %,
 * so a drop shows at once and recovery must be sustained; a floor of 20 keeps recovery from taking minutes.
 */

export type ConnectionQuality = "excellent" | "good" | "poor" | "lost";
export type ConnectionRating = { score: number; quality: ConnectionQuality };

const MAX_SCORE = 100;
const EXCELLENT_ABOVE = 80;
const GOOD_ABOVE = 40;
const VIDEO_LOSS_WEIGHT = 10;
const OPUS_FEC_LOSS_WEIGHT = 8 / 1.5;
const RISE_FACTOR = 0.4;
const FALL_FACTOR = 0.7;
const RECOVERY_FLOOR = 20;

export function qualityForScore(score: number): Exclude<ConnectionQuality, "lost"> {
  if (score > EXCELLENT_ABOVE) return "excellent";
  if (score > GOOD_ABOVE) return "good";
  return "poor";
}

function delayPenalty(rttMs: number, jitterMs: number): number {
  const effectiveDelay = rttMs / 2 + 2 * jitterMs;
  return effectiveDelay > 160 ? (effectiveDelay - 120) / 10 : effectiveDelay / 40;
}

function packetScore(lossPercent: number | null, carriesVideo: boolean, delay: number): number {
  const weight = carriesVideo ? VIDEO_LOSS_WEIGHT : OPUS_FEC_LOSS_WEIGHT;
  return MAX_SCORE - delay - (lossPercent ?? 0) * weight;
}

function bitrateScore(sentKbps: number, targetKbps: number): number {
  if (sentKbps <= 0) return 0;
  return MAX_SCORE - 20 * Math.log(targetKbps / sentKbps);
}

function sendScore(summary: StatsSummary, targetVideoKbps: number | null): number {
  const video = summary.outbound.video;
  if (!targetVideoKbps || !video.some((stream) => stream.qualityLimitationReason === "bandwidth")) return MAX_SCORE;
  const sentKbps = video.reduce((sum, stream) => sum + (stream.bitrateKbps ?? 0), 0);
  return bitrateScore(sentKbps, targetVideoKbps);
}

export function isConnectionLost(summary: StatsSummary): boolean {
  const { iceState, packetsReceived } = summary.transport;
  return !(iceState === "connected" || iceState === "completed") || packetsReceived === 0;
}

function clampScore(score: number): number {
  return Math.min(MAX_SCORE, Math.max(0, score));
}

/** Unsmoothed score for one interval; 0 when the connection is lost. */
export function scoreInterval(summary: StatsSummary, targetVideoKbps: number | null = null): number {
  if (isConnectionLost(summary)) return 0;
  const delay = delayPenalty(summary.rttMs ?? 0, summary.inbound.jitterMs ?? 0);
  return clampScore(
    Math.min(
      packetScore(summary.inbound.packetLossPercent, summary.inbound.video.length > 0, delay),
      packetScore(summary.outbound.packetLossPercent, summary.outbound.video.length > 0, delay),
      sendScore(summary, targetVideoKbps),
    ),
  );
}

export type RatingContext = {
  /** The previous interval's smoothed score; omit for the first interval. */
  previousScore?: number | null;
  /** Sum of the video caps we set for this peer's senders (bitrate policy), for the bandwidth-limited check. */
  targetVideoKbps?: number | null;
};

export function rateConnection(summary: StatsSummary, context: RatingContext = {}): ConnectionRating {
  if (isConnectionLost(summary)) return { score: 0, quality: "lost" };
  const current = scoreInterval(summary, context.targetVideoKbps ?? null);
  const { previousScore } = context;
  if (previousScore === undefined || previousScore === null) return { score: current, quality: qualityForScore(current) };
  const previous = Math.max(previousScore, RECOVERY_FLOOR);
  const factor = current < previous ? FALL_FACTOR : RISE_FACTOR;
  const score = factor * current + (1 - factor) * previous;
  return { score, quality: qualityForScore(score) };
}
