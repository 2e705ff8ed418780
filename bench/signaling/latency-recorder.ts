/** Relay latencies in milliseconds, kept whole so percentiles are exact. */
export class LatencyRecorder {
  private samples = new Float64Array(1 << 16);
  private count = 0;
  private readonly startedAt = performance.now();
  /** The worst latency seen in each second of the window: tells one stall from a steady tail. */
  private readonly worstPerSecond: number[] = [];

  record(ms: number): void {
    const second = Math.floor((performance.now() - this.startedAt) / 1000);
    this.worstPerSecond[second] = Math.max(this.worstPerSecond[second] ?? 0, ms);
    if (this.count === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.count++] = ms;
  }

  get size(): number {
    return this.count;
  }

  /** How many seconds saw a latency above `ms`, out of how many seconds had samples. */
  secondsWorseThan(ms: number): { worse: number; of: number } {
    const seconds = this.worstPerSecond.filter((worst) => worst !== undefined);
    return { worse: seconds.filter((worst) => worst > ms).length, of: seconds.length };
  }

  /** Percentiles (0–100) of everything recorded, by nearest rank. */
  percentiles(...ranks: number[]): number[] {
    const sorted = this.samples.slice(0, this.count).sort();
    return ranks.map((rank) => (this.count === 0 ? Number.NaN : sorted[Math.min(this.count - 1, Math.ceil((rank / 100) * this.count) - 1)]!));
  }
}
