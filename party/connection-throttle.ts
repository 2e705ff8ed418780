import type { ClientMessageType } from "../lib/signaling/client-messages";
import {
  ANALYTICS_MESSAGE_RATE_LIMIT,
  CLIENT_MESSAGE_RATE_LIMIT,
  FANOUT_MESSAGE_RATE_LIMIT,
  STATE_UPDATE_RATE_LIMIT,
  fullBucket,
  takeToken,
  type RateLimit,
  type RateVerdict,
  type TokenBucket,
} from "../lib/meeting/rate-limit";

const FANOUT_TYPES: ReadonlySet<ClientMessageType> = new Set(["chat", "reaction", "record"]);
const STATE_UPDATE_TYPES: ReadonlySet<ClientMessageType> = new Set(["hand", "media", "quality"]);
const ANALYTICS_TYPES: ReadonlySet<ClientMessageType> = new Set(["quality-samples", "feature"]);

type Buckets = { general: TokenBucket; fanout: TokenBucket; stateUpdates: TokenBucket; analytics: TokenBucket };

/**
 * Per-socket token buckets: every frame counts against the general one; chat and reactions also against fan-out,
 * hand, media and quality updates against their own, analytics against theirs.
 */
export class ConnectionThrottle {
  private readonly buckets = new Map<string, Buckets>();

  open(connectionId: string, now: number): void {
    this.buckets.set(connectionId, {
      general: fullBucket(CLIENT_MESSAGE_RATE_LIMIT, now),
      fanout: fullBucket(FANOUT_MESSAGE_RATE_LIMIT, now),
      stateUpdates: fullBucket(STATE_UPDATE_RATE_LIMIT, now),
      analytics: fullBucket(ANALYTICS_MESSAGE_RATE_LIMIT, now),
    });
  }

  forget(connectionId: string): void {
    this.buckets.delete(connectionId);
  }

  /** Any frame, before it is parsed: parsing itself is work a flood must not buy. */
  admitFrame(connectionId: string, now: number): RateVerdict {
    return this.take(connectionId, "general", CLIENT_MESSAGE_RATE_LIMIT, now);
  }

  admitMessage(connectionId: string, type: ClientMessageType, now: number): RateVerdict {
    if (FANOUT_TYPES.has(type)) return this.take(connectionId, "fanout", FANOUT_MESSAGE_RATE_LIMIT, now);
    if (STATE_UPDATE_TYPES.has(type)) return this.take(connectionId, "stateUpdates", STATE_UPDATE_RATE_LIMIT, now);
    if (ANALYTICS_TYPES.has(type)) return this.take(connectionId, "analytics", ANALYTICS_MESSAGE_RATE_LIMIT, now);
    return "allow";
  }

  private take(connectionId: string, which: keyof Buckets, limit: RateLimit, now: number): RateVerdict {
    const buckets = this.buckets.get(connectionId);
    if (!buckets) return "reject-silently";
    const taken = takeToken(buckets[which], limit, now);
    buckets[which] = taken.bucket;
    return taken.verdict;
  }
}
