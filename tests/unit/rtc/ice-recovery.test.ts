import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DISCONNECTED_GRACE_MS, IceRecovery } from "@/lib/rtc/ice-recovery";

describe("IceRecovery", () => {
  let state: RTCPeerConnectionState;
  let restarts: number;
  let recovery: IceRecovery;
  const enter = (next: RTCPeerConnectionState) => {
    state = next;
    recovery.onConnectionState(next);
  };

  beforeEach(() => {
    vi.useFakeTimers();
    state = "new";
    restarts = 0;
    recovery = new IceRecovery(
      () => (restarts += 1),
      () => state === "connected",
    );
  });
  afterEach(() => {
    recovery.cancel();
    vi.useRealTimers();
  });

  it("restarts at once when the connection fails", () => {
    enter("connected");
    enter("failed");
    expect(restarts).toBe(1);
  });

  it("gives a disconnection the grace period to heal by itself", () => {
    enter("connected");
    enter("disconnected");
    vi.advanceTimersByTime(DISCONNECTED_GRACE_MS - 1);
    enter("connected");
    vi.advanceTimersByTime(60_000);
    expect(restarts).toBe(0);
  });

  it("restarts a disconnection that outlasts the grace period", () => {
    enter("connected");
    enter("disconnected");
    vi.advanceTimersByTime(DISCONNECTED_GRACE_MS);
    expect(restarts).toBe(1);
  });

  it("retries a restart that did not reconnect, with a doubling delay capped at 30 s", () => {
    enter("connected");
    enter("failed");
    const restartTimes: number[] = [];
    for (let second = 1; second <= 120; second += 1) {
      const before = restarts;
      vi.advanceTimersByTime(1_000);
      if (restarts > before) restartTimes.push(second);
    }
    expect(restartTimes).toEqual([4, 12, 28, 58, 88, 118]);
  });

  it("stops retrying once connected, and starts over from the shortest delay next time", () => {
    enter("connected");
    enter("failed");
    vi.advanceTimersByTime(4_000);
    expect(restarts).toBe(2);
    enter("connected");
    vi.advanceTimersByTime(120_000);
    expect(restarts).toBe(2);
    enter("failed");
    vi.advanceTimersByTime(4_000);
    expect(restarts).toBe(4);
  });

  it("does nothing more once the connection is closed", () => {
    enter("disconnected");
    enter("closed");
    vi.advanceTimersByTime(120_000);
    expect(restarts).toBe(0);
  });
});
