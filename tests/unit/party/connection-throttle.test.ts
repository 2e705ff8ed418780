import { describe, expect, it } from "vitest";
import { ANALYTICS_MESSAGE_RATE_LIMIT } from "@/lib/meeting/rate-limit";
import { ConnectionThrottle } from "@/party/connection-throttle";

describe("ConnectionThrottle analytics bucket", () => {
  it("limits quality samples and features together, leaves signaling alone, and refills over time", () => {
    const throttle = new ConnectionThrottle();
    throttle.open("c1", 0);
    const verdicts = Array.from({ length: ANALYTICS_MESSAGE_RATE_LIMIT.burst + 2 }, (_, n) =>
      throttle.admitMessage("c1", n % 2 ? "feature" : "quality-samples", 0),
    );
    expect(verdicts.slice(0, ANALYTICS_MESSAGE_RATE_LIMIT.burst).every((verdict) => verdict === "allow")).toBe(true);
    expect(verdicts.slice(ANALYTICS_MESSAGE_RATE_LIMIT.burst)).toEqual(["reject-and-notify", "reject-silently"]);
    expect(throttle.admitMessage("c1", "signal", 0)).toBe("allow");
    expect(throttle.admitMessage("c1", "quality-samples", 1000 / ANALYTICS_MESSAGE_RATE_LIMIT.ratePerSecond)).toBe("allow");
  });
});
