import { describe, expect, it } from "vitest";
import { sendCapsFor, scaleDownFactor } from "@/lib/domain/bitrate-policy";
import type { SenderCaps } from "@/lib/rtc/peer-session";
import { startBitrateKbps, withVideoStartBitrate } from "@/lib/rtc/start-bitrate";

/** An audio and a video section of a Chrome 156 offer, trimmed. */
const chromeOffer = [
  "m=audio 9 UDP/TLS/RTP/SAVPF 111 63",
  "a=mid:0",
  "a=rtpmap:111 opus/48000/2",
  "a=fmtp:111 minptime=10;useinbandfec=1",
  "a=rtpmap:63 red/48000/2",
  "a=fmtp:63 111/111",
  "m=video 9 UDP/TLS/RTP/SAVPF 98 99 96 97 45 116 39",
  "a=mid:1",
  "a=rtpmap:98 VP9/90000",
  "a=rtcp-fb:98 transport-cc",
  "a=fmtp:98 profile-id=0",
  "a=rtpmap:99 rtx/90000",
  "a=fmtp:99 apt=98",
  "a=rtpmap:96 VP8/90000",
  "a=rtcp-fb:96 nack",
  "a=rtpmap:97 rtx/90000",
  "a=fmtp:97 apt=96",
  "a=rtpmap:45 AV1/90000",
  "a=fmtp:45 level-idx=5;profile=0;tier=0",
  "a=rtpmap:116 red/90000",
  "a=rtpmap:39 ulpfec/90000",
  "",
].join("\r\n");

function capsFor(remotePeerCount: number, sendingScreen = false): SenderCaps {
  const caps = sendCapsFor({ remotePeerCount, sendingCamera: true, sendingScreen });
  const video = (cap: typeof caps.camera) => ({ maxBitrate: cap.maxBitrateKbps * 1000, maxFramerate: cap.maxFramerate, scaleResolutionDownBy: scaleDownFactor(720, cap.targetHeight) });
  return { audio: { maxBitrate: caps.audio.maxBitrateKbps * 1000 }, camera: video(caps.camera), screen: video(caps.screen) };
}

describe("withVideoStartBitrate", () => {
  it("sets the start on every video codec, adds an fmtp line where a codec has none, and leaves everything else alone", () => {
    const munged = withVideoStartBitrate(chromeOffer, 1724);
    expect(munged).toBe(
      chromeOffer
        .replace("a=fmtp:98 profile-id=0", "a=fmtp:98 profile-id=0;x-google-start-bitrate=1724")
        .replace("a=rtpmap:96 VP8/90000\r\n", "a=rtpmap:96 VP8/90000\r\na=fmtp:96 x-google-start-bitrate=1724\r\n")
        .replace("a=fmtp:45 level-idx=5;profile=0;tier=0", "a=fmtp:45 level-idx=5;profile=0;tier=0;x-google-start-bitrate=1724"),
    );
  });

  it("replaces a start the description already carries instead of adding a second one", () => {
    const once = withVideoStartBitrate(chromeOffer, 900);
    expect(withVideoStartBitrate(once, 1724)).toBe(withVideoStartBitrate(chromeOffer, 1724));
  });

  it("keeps the line endings it was given", () => {
    const unix = chromeOffer.replaceAll("\r\n", "\n");
    expect(withVideoStartBitrate(unix, 500)).toBe(withVideoStartBitrate(chromeOffer, 500).replaceAll("\r\n", "\n"));
  });
});

describe("startBitrateKbps", () => {
  const camera = { audio: true, camera: true, screen: false };

  it("is nothing when no video is sent, since only video encoders hold back their first frame", () => {
    expect(startBitrateKbps(capsFor(1), { audio: true, camera: false, screen: false })).toBeNull();
    expect(startBitrateKbps(null, camera)).toBeNull();
  });

  it("starts a two-person call above libwebrtc's 1.5 Mbps 720p threshold, so the camera's first frame is not dropped", () => {
    // Camera capped at 1500 kbps for one peer: (1500 + 52) / 0.9.
    expect(startBitrateKbps(capsFor(1), camera)).toBe(1724);
  });

  it("follows the policy's per-peer budget as the meeting grows", () => {
    // Three people: camera 848 kbps (540p), so (848 + 52) / 0.9 = the per-peer share of a 2 Mbps uplink.
    expect(startBitrateKbps(capsFor(2), camera)).toBe(1000);
    expect(startBitrateKbps(capsFor(5), camera)!).toBeLessThan(startBitrateKbps(capsFor(2), camera)!);
  });

  it("counts the screen when it is shared", () => {
    expect(startBitrateKbps(capsFor(1, true), { audio: true, camera: true, screen: true })).toBe(Math.round((1748 + 52) / 0.9));
  });
});
