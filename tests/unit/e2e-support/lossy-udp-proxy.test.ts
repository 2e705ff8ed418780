import { describe, expect, it } from "vitest";
import { DropPolicy, seededRandom } from "../../e2e/support/lossy-udp-proxy";

/** The drop decision of the e2e lossy path (tests/e2e/quality.spec.ts); the sockets run in that spec. */
describe("DropPolicy", () => {
  const decisions = (policy: DropPolicy, direction: "toUpstream" | "toClient", n: number) =>
    Array.from({ length: n }, () => policy.drop(direction));

  it("drops the same datagrams in every run with the same seed, and different ones with another seed", () => {
    const a = decisions(new DropPolicy(42, { toClient: 0.2 }), "toClient", 500);
    const b = decisions(new DropPolicy(42, { toClient: 0.2 }), "toClient", 500);
    const c = decisions(new DropPolicy(43, { toClient: 0.2 }), "toClient", 500);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("drops close to the configured share, and counts what it did", () => {
    const policy = new DropPolicy(7, { toClient: 0.2 });
    const dropped = decisions(policy, "toClient", 20_000).filter(Boolean).length;
    expect(dropped / 20_000).toBeGreaterThan(0.19);
    expect(dropped / 20_000).toBeLessThan(0.21);
    expect(policy.stats().toClient).toEqual({ dropped, forwarded: 20_000 - dropped });
  });

  it("leaves a direction without a rate untouched, and keeps the directions' sequences independent", () => {
    const policy = new DropPolicy(42, { toClient: 0.2 });
    expect(decisions(policy, "toUpstream", 1000).some(Boolean)).toBe(false);
    // Upstream traffic interleaved with the client's does not shift which client datagrams are dropped.
    const alone = decisions(new DropPolicy(42, { toClient: 0.2 }), "toClient", 300);
    const mixed = new DropPolicy(42, { toClient: 0.2, toUpstream: 0.5 });
    const interleaved = Array.from({ length: 300 }, () => {
      mixed.drop("toUpstream");
      return mixed.drop("toClient");
    });
    expect(interleaved).toEqual(alone);
  });

  it("changes rates during a run, drops everything at 1, and refuses rates outside [0, 1]", () => {
    const policy = new DropPolicy(1);
    expect(decisions(policy, "toClient", 100).some(Boolean)).toBe(false);
    policy.setRates({ toClient: 1 });
    expect(decisions(policy, "toClient", 100).every(Boolean)).toBe(true);
    policy.resetCounts();
    expect(policy.stats().toClient).toEqual({ forwarded: 0, dropped: 0 });
    expect(() => policy.setRates({ toUpstream: 1.5 })).toThrow(RangeError);
    expect(() => new DropPolicy(1, { toClient: -0.1 })).toThrow(RangeError);
  });
});

describe("seededRandom", () => {
  it("stays within [0, 1) and spreads evenly", () => {
    const next = seededRandom(123);
    const values = Array.from({ length: 50_000 }, next);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const buckets = new Array<number>(10).fill(0);
    for (const value of values) buckets[Math.floor(value * 10)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 5000)).toBeLessThan(300);
  });
});
