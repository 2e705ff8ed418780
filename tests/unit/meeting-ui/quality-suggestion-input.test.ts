import { describe, expect, it } from "vitest";
import type { ConnectionQuality } from "@/lib/domain/connection-quality";
import { nextSuggestion, initialSuggestionState, POOR_FOR_MS } from "@/lib/domain/quality-suggestion";
import type { OutboundVideoStreamSummary, StatsSummary, VideoStreamSummary } from "@/lib/domain/stats-summary";
import type { PeerStats } from "@/lib/meeting-client/state/local-quality";
import { lighterCaptureProfile, suggestionCopy, suggestionInput, withoutCameras } from "@/lib/meeting-client/state/quality-suggestion-input";

const inVideo: VideoStreamSummary = { mid: "1", codec: "VP8", width: 640, height: 360, framesPerSecond: 24, bitrateKbps: 500 };
const outVideo = (reason: OutboundVideoStreamSummary["qualityLimitationReason"]): OutboundVideoStreamSummary => ({ ...inVideo, qualityLimitationReason: reason });

function peer(quality: ConnectionQuality, video: { inbound?: VideoStreamSummary[]; outbound?: OutboundVideoStreamSummary[] } = {}): PeerStats {
  const summary: StatsSummary = {
    timestamp: 0,
    rttMs: null,
    transport: { iceState: "connected", packetsReceived: 10, localCandidateType: "host", remoteCandidateType: "host", relayProtocol: null, availableOutgoingKbps: null },
    inbound: { packetLossPercent: null, jitterMs: null, bitrateKbps: null, audioLevel: null, audioCodec: null, video: video.inbound ?? [] },
    outbound: { packetLossPercent: null, bitrateKbps: null, audioCodec: null, video: video.outbound ?? [] },
  };
  return { rating: { score: 0, quality }, summary };
}

describe("suggestionInput", () => {
  it("is null before any link has stats", () => {
    expect(suggestionInput([], 5, true)).toBeNull();
  });

  it("takes the level all links share (the best one) and what the streams say about the CPU and received video", () => {
    const input = suggestionInput([peer("excellent", { inbound: [inVideo], outbound: [outVideo("none")] }), peer("poor", { outbound: [outVideo("bandwidth")] })], 7, true);
    expect(input).toEqual({ now: 7, quality: "excellent", cpuLimited: false, sendingVideo: true, receivingVideo: true });
  });

  it("is poor when every link is: the problem is ours, not one peer's", () => {
    expect(suggestionInput([peer("poor"), peer("lost"), peer("poor")], 0, true)!.quality).toBe("poor");
    expect(suggestionInput([peer("poor")], 0, true)!.quality).toBe("poor");
  });

  it("sees a CPU-limited encoder on any link, and no received video when no link carried any", () => {
    const input = suggestionInput([peer("good", { outbound: [outVideo("cpu")] }), peer("good")], 0, false)!;
    expect(input.cpuLimited).toBe(true);
    expect(input.receivingVideo).toBe(false);
  });

  it("feeds the decision: ten seconds of a poor link on a CPU-bound machine suggests closing other apps", () => {
    const peers = [peer("poor", { inbound: [inVideo], outbound: [outVideo("cpu")] })];
    let state = initialSuggestionState;
    const shown: string[] = [];
    for (let now = 0; now <= POOR_FOR_MS; now += 2000) {
      const step = nextSuggestion(state, suggestionInput(peers, now, true)!);
      state = step.state;
      if (step.suggestion) shown.push(step.suggestion);
    }
    expect(shown).toEqual(["close-other-apps"]);
  });
});

describe("suggestionCopy", () => {
  it("offers each suggestion with its one-click action", () => {
    expect(suggestionCopy["turn-off-video"].action).toBe("Turn off your video");
    expect(suggestionCopy["audio-only"].action).toBe("Switch to audio only");
    expect(suggestionCopy["close-other-apps"].text).toMatch(/Close other apps/);
  });
});

describe("lighterCaptureProfile", () => {
  it("steps the capture down hd → sd → low, then stops", () => {
    expect(lighterCaptureProfile(720)).toBe("sd");
    expect(lighterCaptureProfile(1080)).toBe("sd");
    expect(lighterCaptureProfile(360)).toBe("low");
    expect(lighterCaptureProfile(480)).toBe("low");
    expect(lighterCaptureProfile(180)).toBeNull();
    expect(lighterCaptureProfile(120)).toBeNull();
    expect(lighterCaptureProfile(undefined)).toBeNull();
  });
});

describe("withoutCameras", () => {
  it("drops every remote camera and keeps audio and screens", () => {
    const audio = { kind: "audio" } as MediaStreamTrack;
    const camera = { kind: "video" } as MediaStreamTrack;
    const screen = { kind: "video" } as MediaStreamTrack;
    expect(withoutCameras({ a: { audio, camera, screen }, b: { camera } })).toEqual({ a: { audio, screen }, b: {} });
  });
});
