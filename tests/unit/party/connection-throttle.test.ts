import { describe, expect, it } from "vitest";
import { ANALYTICS_MESSAGE_RATE_LIMIT, CLIENT_MESSAGE_RATE_LIMIT, STATE_UPDATE_RATE_LIMIT } from "@/lib/meeting/rate-limit";
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

describe("ConnectionThrottle state-update bucket", () => {
  it("limits hand, media and quality updates together, apart from chat and signaling", () => {
    const throttle = new ConnectionThrottle();
    throttle.open("c1", 0);
    const types = ["hand", "media", "quality"] as const;
    const verdicts = Array.from({ length: STATE_UPDATE_RATE_LIMIT.burst + 1 }, (_, n) => throttle.admitMessage("c1", types[n % 3]!, 0));
    expect(verdicts.slice(0, STATE_UPDATE_RATE_LIMIT.burst).every((verdict) => verdict === "allow")).toBe(true);
    expect(verdicts.at(-1)).toBe("reject-and-notify");
    expect(throttle.admitMessage("c1", "chat", 0)).toBe("allow");
    expect(throttle.admitMessage("c1", "signal", 0)).toBe("allow");
    expect(STATE_UPDATE_RATE_LIMIT.burst).toBeLessThan(CLIENT_MESSAGE_RATE_LIMIT.burst);
  });
});
