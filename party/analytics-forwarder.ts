import {
  ANALYTICS_INGEST_PATH,
  MAX_FEATURE_EVENTS_PER_BATCH,
  MAX_SAMPLES_PER_BATCH,
  type FeatureEventInput,
  type QualitySampleInput,
} from "../lib/internal-api/analytics-batch";
import type { StampedFeature, StampedSample } from "../lib/meeting/analytics-stamp";
import { AppOutbox } from "./app-outbox";

/** Samples wait this long for company: one batch per room every few seconds, not one request per message. */
const FLUSH_DELAY_MS = 3_000;
/** A 20-person mesh sends ~19 × 20 samples per 5 s; this holds several minutes of an app outage. */
const MAX_QUEUED_SAMPLES = 50_000;
const MAX_QUEUED_FEATURES = 5_000;

/**
 * Forwards a room's stamped quality samples and feature events to the app's ingest route (signed, batched,
 * retried under the same batch id by AppOutbox). Samples and features go in separate batches so each kind
 * stays within its own per-batch bound of the contract.
 */
export class AnalyticsForwarder {
  private readonly samples: AppOutbox<QualitySampleInput>;
  private readonly features: AppOutbox<FeatureEventInput>;

  constructor(appUrl: string, secret: string, log: (message: string, error?: unknown) => void) {
    this.samples = new AppOutbox<QualitySampleInput>({
      appUrl,
      secret,
      path: ANALYTICS_INGEST_PATH,
      body: (batchId, samples) => ({ batchId, samples, features: [] }),
      maxBatch: MAX_SAMPLES_PER_BATCH,
      flushDelayMs: FLUSH_DELAY_MS,
      maxQueued: MAX_QUEUED_SAMPLES,
      log,
    });
    this.features = new AppOutbox<FeatureEventInput>({
      appUrl,
      secret,
      path: ANALYTICS_INGEST_PATH,
      body: (batchId, features) => ({ batchId, samples: [], features }),
      maxBatch: MAX_FEATURE_EVENTS_PER_BATCH,
      flushDelayMs: FLUSH_DELAY_MS,
      maxQueued: MAX_QUEUED_FEATURES,
      log,
    });
  }

  addSamples(samples: readonly StampedSample[]): void {
    if (samples.length > 0) this.samples.enqueue(...samples);
  }

  addFeature(feature: StampedFeature): void {
    this.features.enqueue(feature);
  }

  /** At meeting end: send what is queued now rather than after the flush delay. */
  flushSoon(): void {
    this.samples.flushSoon();
    this.features.flushSoon();
  }
}
