import type { StatsSummary } from "../domain/stats-summary";
import { summarizeStats, type RtcStatsEntry } from "./summarize-stats";

export const STATS_INTERVAL_MS = 2000;

type Sample = { entries: RtcStatsEntry[]; at: number };

/** Every STATS_INTERVAL_MS, one `getStats()` per peer connection, summarized against that peer's previous report. */
export class StatsSampler {
  private readonly previous = new Map<string, Sample>();
  private readonly timer: ReturnType<typeof setInterval>;
  private sampling = false;

  constructor(
    private readonly connections: () => Iterable<readonly [peerId: string, connection: RTCPeerConnection]>,
    private readonly onSummary: (peerId: string, summary: StatsSummary) => void,
    private readonly onError: (peerId: string, error: unknown) => void,
  ) {
    this.timer = setInterval(() => void this.sampleAll(), STATS_INTERVAL_MS);
  }

  /** Drops a peer's baseline, so a peer that reconnects under the same id starts afresh. */
  forget(peerId: string): void {
    this.previous.delete(peerId);
  }

  stop(): void {
    clearInterval(this.timer);
    this.previous.clear();
  }

  private async sampleAll(): Promise<void> {
    // getStats can take longer than the interval on a starved CPU; skip a beat rather than pile up.
    if (this.sampling) return;
    this.sampling = true;
    try {
      await Promise.all([...this.connections()].map(([peerId, connection]) => this.sample(peerId, connection)));
    } finally {
      this.sampling = false;
    }
  }

  private async sample(peerId: string, connection: RTCPeerConnection): Promise<void> {
    try {
      const report = await connection.getStats();
      const at = performance.now();
      const entries = [...report.values()] as RtcStatsEntry[];
      const previous = this.previous.get(peerId);
      this.previous.set(peerId, { entries, at });
      this.onSummary(peerId, summarizeStats(previous?.entries, entries, previous ? at - previous.at : 0));
    } catch (error) {
      this.onError(peerId, error);
    }
  }
}
