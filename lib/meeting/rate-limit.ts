/** Token bucket: `burst` messages at once, refilled at `ratePerSecond`. */
export type RateLimit = { readonly ratePerSecond: number; readonly burst: number };

export type TokenBucket = {
  readonly tokens: number;
  /** Epoch milliseconds of the last refill. */
  readonly refilledAt: number;
  /** Whether the client was told it is throttled; cleared once the bucket has refilled completely. */
  readonly notified: boolean;
};

/**
 * - allow: process the message.
 * - reject-and-notify: drop it and tell the client, once per flood, so a flood does not earn a flood of errors back.
 * - reject-silently: drop it.
 */
export type RateVerdict = "allow" | "reject-and-notify" | "reject-silently";

/** Generous for signaling (an ICE restart sends a few dozen candidates in a burst), far below abuse. */
export const CLIENT_MESSAGE_RATE_LIMIT: RateLimit = { ratePerSecond: 50, burst: 100 };

/**
 * Chat and reactions also count against this tighter bucket: each one fans out to everybody (and chat is kept), so
 * the general limit would let one participant drown the room. A fast typist or a burst of applause stays well under.
 */
export const FANOUT_MESSAGE_RATE_LIMIT: RateLimit = { ratePerSecond: 5, burst: 20 };

/**
 * Hand, media and connection-quality updates count against this bucket of their own: each one is broadcast to
 * everybody, so under the general limit alone one socket could keep the whole room busy redrawing. Quality arrives
 * every 5 s, media and hand on a person's clicks (and a screen share's start and stop); a burst of toggling fits.
 */
export const STATE_UPDATE_RATE_LIMIT: RateLimit = { ratePerSecond: 5, burst: 20 };

/**
 * Quality samples (one message per 5 s) and feature events (one per user action) also count against this bucket:
 * they cost an app write each, so a client cannot turn the ingest route into a firehose. Toggling mute a few times
 * in a row stays under it.
 */
export const ANALYTICS_MESSAGE_RATE_LIMIT: RateLimit = { ratePerSecond: 2, burst: 20 };

export function fullBucket(limit: RateLimit, now: number): TokenBucket {
  return { tokens: limit.burst, refilledAt: now, notified: false };
}

export function takeToken(bucket: TokenBucket, limit: RateLimit, now: number): { bucket: TokenBucket; verdict: RateVerdict } {
  // A clock that steps backwards must not drain the bucket.
  const elapsedMs = Math.max(0, now - bucket.refilledAt);
  const tokens = Math.min(limit.burst, bucket.tokens + (elapsedMs * limit.ratePerSecond) / 1000);
  const refilledAt = Math.max(now, bucket.refilledAt);
  // Only a calm period (a full refill) re-arms the notice; a sustained flood hears about it once.
  const notified = bucket.notified && tokens < limit.burst;
  if (tokens >= 1) return { bucket: { tokens: tokens - 1, refilledAt, notified }, verdict: "allow" };
  return {
    bucket: { tokens, refilledAt, notified: true },
    verdict: notified ? "reject-silently" : "reject-and-notify",
  };
}
