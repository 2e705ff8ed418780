/**
 * Remote audio levels several times a second, for active-speaker detection. Stats sampling every 2 s is far too
 * slow for that, and `getStats()` at this rate would cost real CPU in a mesh; `getSynchronizationSources()` is a
 * cheap synchronous read of the level the sender wrote into each packet (RFC 6464 header extension).
 */
export const AUDIO_LEVEL_INTERVAL_MS = 250;
/** A source not heard from for this long is silent (muted, or DTX pausing), not frozen at its last level. */
const STALE_AFTER_MS = 500;

export class AudioLevelSampler {
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly receivers: () => Iterable<readonly [peerId: string, receiver: RTCRtpReceiver]>,
    private readonly onLevels: (levels: ReadonlyMap<string, number>, at: number) => void,
  ) {
    this.timer = setInterval(() => this.sample(), AUDIO_LEVEL_INTERVAL_MS);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    const at = performance.now();
    // Source timestamps share the clock of performance.timeOrigin + performance.now().
    const now = performance.timeOrigin + at;
    const levels = new Map<string, number>();
    for (const [peerId, receiver] of this.receivers()) {
      const latest = receiver.getSynchronizationSources().reduce<RTCRtpSynchronizationSource | undefined>(
        (newest, source) => (newest === undefined || source.timestamp > newest.timestamp ? source : newest),
        undefined,
      );
      levels.set(peerId, latest && now - latest.timestamp <= STALE_AFTER_MS ? (latest.audioLevel ?? 0) : 0);
    }
    this.onLevels(levels, at);
  }
}
