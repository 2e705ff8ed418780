/** Relay latencies in milliseconds, kept whole so percentiles are exact. */
export class LatencyRecorder {
  private samples = new Float64Array(1 << 16);
  private count = 0;

  record(ms: number): void {
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

  /** Percentiles (0–100) of everything recorded, by nearest rank. */
  percentiles(...ranks: number[]): number[] {
    const sorted = this.samples.slice(0, this.count).sort();
    return ranks.map((rank) => (this.count === 0 ? Number.NaN : sorted[Math.min(this.count - 1, Math.ceil((rank / 100) * this.count) - 1)]!));
  }
}
