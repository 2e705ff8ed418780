import { signInternalRequest } from "../lib/internal-api/internal-signature";
import { utf8ByteLength } from "../lib/meeting/utf8";

export type OutboxOptions<Item> = {
  /** Next.js base URL reachable from PartyKit (the APP_INTERNAL_URL var). */
  appUrl: string;
  secret: string;
  path: string;
  /** Wraps a batch's items into the request body; the batch id stays the same across retries. */
  body: (batchId: string, items: Item[]) => unknown;
  maxBatch: number;
  /** Serialized bytes per batch, to stay inside the route's body limit when items vary in size (chat). */
  maxBatchBytes?: number;
  /** How long items wait for company before a batch leaves. */
  flushDelayMs: number;
  /** Oldest items are dropped past this many, so an app outage cannot exhaust the room's memory. */
  maxQueued: number;
  log: (message: string, error?: unknown) => void;
};

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/**
 * Delivers items to a signed internal route of the app in order, in batches, at least once: a failed batch is
 * retried with exponential backoff under the same batch id, which the app applies idempotently.
 */
export class AppOutbox<Item> {
  private queued: Item[] = [];
  private inFlight: { batchId: string; items: Item[] } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = FIRST_RETRY_MS;
  private drained: Array<() => void> = [];

  constructor(private readonly options: OutboxOptions<Item>) {}

  enqueue(...items: Item[]): void {
    this.queued.push(...items);
    const excess = this.queued.length - this.options.maxQueued;
    if (excess > 0) {
      this.queued.splice(0, excess);
      this.options.log(`outbox ${this.options.path}: dropped ${excess} items while the app is unreachable`);
    }
    const due = this.queued.length >= this.options.maxBatch ? 0 : this.options.flushDelayMs;
    this.schedule(due);
  }

  /** Sends what is queued now (e.g. at meeting end) instead of waiting for the flush delay. */
  flushSoon(): void {
    this.schedule(0);
  }

  /**
   * Sends what is queued and resolves once the app has taken all of it, or after `timeoutMs`: lets a closing
   * room hand over its last records before it confirms the close, so the app decides on complete facts.
   */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.pending === 0) return true;
    this.flushSoon();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const empty = new Promise<boolean>((resolve) => this.drained.push(() => resolve(true)));
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([empty, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  get pending(): number {
    return this.queued.length + (this.inFlight?.items.length ?? 0);
  }

  /** How many queued items the next batch takes: up to maxBatch, and (always at least one) within maxBatchBytes. */
  private batchLength(): number {
    const { maxBatch, maxBatchBytes } = this.options;
    const limit = Math.min(maxBatch, this.queued.length);
    if (maxBatchBytes === undefined) return limit;
    let bytes = 0;
    let count = 0;
    while (count < limit) {
      bytes += utf8ByteLength(JSON.stringify(this.queued[count]));
      if (count > 0 && bytes > maxBatchBytes) break;
      count += 1;
    }
    return count;
  }

  private schedule(delayMs: number): void {
    if (this.inFlight) return;
    if (this.timer !== null) {
      if (delayMs > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.send();
    }, delayMs);
  }

  private async send(): Promise<void> {
    if (!this.inFlight) {
      if (this.queued.length === 0) return;
      this.inFlight = { batchId: crypto.randomUUID(), items: this.queued.splice(0, this.batchLength()) };
    }
    const { batchId, items } = this.inFlight;
    const body = JSON.stringify(this.options.body(batchId, items));
    try {
      const response = await fetch(new URL(this.options.path, this.options.appUrl), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: await signInternalRequest(body, this.options.secret, "confer-app-internal"),
        },
        body,
      });
      // A 4xx other than 408/429 will not get better by retrying: the batch is dropped and logged.
      if (!response.ok && (response.status >= 500 || response.status === 408 || response.status === 429)) {
        throw new Error(`HTTP ${response.status}`);
      }
      if (!response.ok) this.options.log(`outbox ${this.options.path}: batch ${batchId} refused with HTTP ${response.status}: ${await response.text()}`);
      this.inFlight = null;
      this.retryMs = FIRST_RETRY_MS;
      if (this.queued.length > 0) this.schedule(this.queued.length >= this.options.maxBatch || this.drained.length > 0 ? 0 : this.options.flushDelayMs);
      else for (const resolve of this.drained.splice(0)) resolve();
    } catch (error) {
      this.options.log(`outbox ${this.options.path}: batch ${batchId} failed, retrying in ${this.retryMs} ms`, error);
      const delay = this.retryMs;
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.send();
      }, delay);
    }
  }
}
