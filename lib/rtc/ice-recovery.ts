/**
 * When to restart ICE on one connection. `failed` restarts at once. `disconnected` often heals by itself (a
 * Wi-Fi hiccup, a NAT rebinding), so it gets DISCONNECTED_GRACE_MS first. A restart that has not reconnected
 * by the next check is retried with a doubling delay, capped, for as long as the peer is in the meeting.
 */
export const DISCONNECTED_GRACE_MS = 2000;
const FIRST_RETRY_MS = 4000;
const MAX_RETRY_MS = 30_000;

export class IceRecovery {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private restarts = 0;

  constructor(
    private readonly restartIce: () => void,
    private readonly isConnected: () => boolean,
  ) {}

  onConnectionState(state: RTCPeerConnectionState): void {
    if (state === "connected") {
      this.restarts = 0;
      this.cancel();
    } else if (state === "failed") {
      this.restartNow();
    } else if (state === "disconnected" && this.timer === undefined) {
      this.checkAfter(DISCONNECTED_GRACE_MS);
    } else if (state === "closed") {
      this.cancel();
    }
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private restartNow(): void {
    this.cancel();
    this.restartIce();
    this.checkAfter(Math.min(FIRST_RETRY_MS * 2 ** this.restarts, MAX_RETRY_MS));
    this.restarts += 1;
  }

  private checkAfter(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.isConnected()) this.restartNow();
    }, delayMs);
  }
}
