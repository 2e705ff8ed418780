import { describe, expect, it } from "vitest";
import { connectionFigures } from "@/components/meeting/state/connection-figures";
import type { StatsSummary } from "@/lib/domain/stats-summary";

const base: StatsSummary = {
  timestamp: 0,
  rttMs: 42,
  transport: { iceState: "connected", packetsReceived: 10, localCandidateType: "host", remoteCandidateType: "host", relayProtocol: null, availableOutgoingKbps: null },
  inbound: { packetLossPercent: 1.25, jitterMs: 3, bitrateKbps: 480, audioLevel: null, audioCodec: "opus", video: [] },
  outbound: { packetLossPercent: null, bitrateKbps: 510, audioCodec: "opus", video: [] },
};

describe("connectionFigures", () => {
  it("says what is sent and received per stream: resolution, frame rate, bitrate and codec", () => {
    const figures = connectionFigures({
      ...base,
      inbound: { ...base.inbound, video: [{ mid: "1", codec: "VP8", width: 320, height: 180, framesPerSecond: 9.6, bitrateKbps: 148.4 }] },
      outbound: { ...base.outbound, video: [{ mid: "1", codec: "VP8", width: 640, height: 360, framesPerSecond: 20, bitrateKbps: 470, qualityLimitationReason: "none" }] },
    });
    expect(figures).toEqual({
      sent: ["640×360 · 20 fps · 470 kbps · VP8"],
      received: ["320×180 · 10 fps · 148 kbps · VP8"],
      network: "42 ms round trip · 1.3 % lost · 510 kbps up · 480 kbps down",
    });
  });

  it("says so when no video flows, and leaves out what is not known yet", () => {
    expect(connectionFigures({ ...base, rttMs: null, inbound: { ...base.inbound, packetLossPercent: null } })).toEqual({
      sent: ["no video"],
      received: ["no video"],
      network: "510 kbps up · 480 kbps down",
    });
  });
});
