import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLIENT_MESSAGE_RATE_LIMIT, FANOUT_MESSAGE_RATE_LIMIT, fullBucket, takeToken, type RateLimit, type RateVerdict, type TokenBucket } from "@/lib/meeting";

const limit: RateLimit = { ratePerSecond: 10, burst: 3 };

function verdicts(times: number[], start: TokenBucket = fullBucket(limit, 0)): RateVerdict[] {
  let bucket = start;
  return times.map((now) => {
    const taken = takeToken(bucket, limit, now);
    bucket = taken.bucket;
    return taken.verdict;
  });
}

describe("takeToken", () => {
  it("allows a burst, then tells the client once and drops the rest silently", () => {
    expect(verdicts([0, 0, 0, 0, 0, 0])).toEqual(["allow", "allow", "allow", "reject-and-notify", "reject-silently", "reject-silently"]);
  });

  it("refills at the configured rate", () => {
    // 10/s means one token per 100 ms.
    expect(verdicts([0, 0, 0, 0, 50, 100, 150, 200])).toEqual([
      "allow",
      "allow",
      "allow",
      "reject-and-notify",
      "reject-silently",
      "allow",
      "reject-silently",
      "allow",
    ]);
  });

  it("notifies again only after the client calmed down long enough to refill completely", () => {
    expect(verdicts([0, 0, 0, 0, 100, 100, 400, 400, 400, 400])).toEqual([
      "allow",
      "allow",
      "allow",
      "reject-and-notify",
      "allow",
      "reject-silently",
      "allow",
      "allow",
      "allow",
      "reject-and-notify",
    ]);
  });

  it("does not punish a clock that steps backwards", () => {
    expect(verdicts([1_000, 500, 500])).toEqual(["allow", "allow", "allow"]);
  });

  it("is set to 50 messages per second with a burst of 100, and 5 per second (burst 20) for chat and reactions", () => {
    expect(CLIENT_MESSAGE_RATE_LIMIT).toEqual({ ratePerSecond: 50, burst: 100 });
    expect(FANOUT_MESSAGE_RATE_LIMIT).toEqual({ ratePerSecond: 5, burst: 20 });
  });

  it("never allows more than burst + rate × elapsed time", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 300 }), (gaps) => {
        const times = gaps.reduce<number[]>((acc, gap) => [...acc, (acc.at(-1) ?? 0) + gap], []);
        const allowed = verdicts(times).filter((verdict) => verdict === "allow").length;
        const elapsedSeconds = (times.at(-1) ?? 0) / 1000;
        expect(allowed).toBeLessThanOrEqual(limit.burst + limit.ratePerSecond * elapsedSeconds);
      }),
    );
  });
});
