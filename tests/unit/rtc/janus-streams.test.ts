import { describe, expect, it } from "vitest";
import { describeStream, type Publisher, streamsToSubscribe } from "@/lib/rtc/sfu/janus-streams";

const publishers: Publisher[] = [
  { feed: 1, display: "self", streams: [{ mid: "0", type: "audio" }, { mid: "1", type: "video", description: "camera" }] },
  {
    feed: 2,
    display: "ann",
    streams: [
      { mid: "0", type: "audio", description: "audio" },
      { mid: "1", type: "video", description: "camera" },
      { mid: "2", type: "video", description: "screen" },
      { mid: "3", type: "data" },
    ],
  },
  { feed: 3, display: "ben", streams: [{ mid: "0", type: "audio" }, { mid: "1", type: "video", description: "camera", disabled: true }] },
];

describe("Janus videoroom streams", () => {
  it("subscribes to everyone else's media streams once, skipping data channels and disabled streams", () => {
    expect(streamsToSubscribe(publishers, new Set(), "self")).toEqual([
      { feed: 2, mid: "0" },
      { feed: 2, mid: "1" },
      { feed: 2, mid: "2" },
      { feed: 3, mid: "0" },
    ]);
    expect(streamsToSubscribe(publishers, new Set(["2:0", "2:1", "2:2"]), "self")).toEqual([{ feed: 3, mid: "0" }]);
  });

  it("maps a subscriber m-line to its participant and slot by the publisher's display and description", () => {
    expect(describeStream({ mid: "4", type: "video", feed_id: 2, feed_display: "ann", feed_description: "screen" })).toEqual({ participantId: "ann", slot: "screen" });
    expect(describeStream({ mid: "5", type: "video", feed_id: 2, feed_display: "ann", feed_description: "camera" })).toEqual({ participantId: "ann", slot: "camera" });
    expect(describeStream({ mid: "6", type: "audio", feed_id: 3, feed_display: "ben" })).toEqual({ participantId: "ben", slot: "audio" });
    expect(describeStream({ mid: "7", type: "data" })).toBeNull();
    expect(describeStream({ mid: "8", type: "video", feed_id: 4 })).toBeNull();
  });
});
