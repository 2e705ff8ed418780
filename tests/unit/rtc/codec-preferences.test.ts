import { describe, expect, it } from "vitest";
import { preferVideoCodecs } from "@/lib/rtc/codec-preferences";

/** RTCRtpReceiver.getCapabilities("video").codecs in Chromium 156 (Debian), in the browser's order. */
const chromeVideoCodecs = [
  { mimeType: "video/VP8" },
  { mimeType: "video/rtx" },
  { mimeType: "video/VP9", sdpFmtpLine: "profile-id=0" },
  { mimeType: "video/VP9", sdpFmtpLine: "profile-id=2" },
  { mimeType: "video/VP9", sdpFmtpLine: "profile-id=1" },
  { mimeType: "video/VP9", sdpFmtpLine: "profile-id=3" },
  { mimeType: "video/H264", sdpFmtpLine: "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f" },
  { mimeType: "video/H264", sdpFmtpLine: "level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42001f" },
  { mimeType: "video/H264", sdpFmtpLine: "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f" },
  { mimeType: "video/AV1", sdpFmtpLine: "level-idx=5;profile=0;tier=0" },
  { mimeType: "video/red" },
  { mimeType: "video/ulpfec" },
  { mimeType: "video/flexfec-03", sdpFmtpLine: "repair-window=10000000" },
];

const label = (codec: { mimeType: string; sdpFmtpLine?: string }) => `${codec.mimeType.slice(6)}${codec.sdpFmtpLine ? ` ${codec.sdpFmtpLine}` : ""}`;

describe("preferVideoCodecs", () => {
  it("orders VP8, then VP9, then H.264, each in the browser's order, then everything else", () => {
    expect(preferVideoCodecs(chromeVideoCodecs).map(label)).toEqual([
      "VP8",
      "VP9 profile-id=0",
      "VP9 profile-id=2",
      "VP9 profile-id=1",
      "VP9 profile-id=3",
      "H264 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f",
      "H264 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42001f",
      "H264 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
      "rtx",
      "AV1 level-idx=5;profile=0;tier=0",
      "red",
      "ulpfec",
      "flexfec-03 repair-window=10000000",
    ]);
  });

  it("keeps every entry, retransmission and FEC included, and does not modify its input", () => {
    const input = [...chromeVideoCodecs];
    const ordered = preferVideoCodecs(input);
    expect(ordered).toHaveLength(chromeVideoCodecs.length);
    expect(new Set(ordered)).toEqual(new Set(chromeVideoCodecs));
    expect(input).toEqual(chromeVideoCodecs);
  });

  it("matches mime types case-insensitively", () => {
    expect(preferVideoCodecs([{ mimeType: "video/h264" }, { mimeType: "video/vp9" }, { mimeType: "video/Vp8" }]).map((codec) => codec.mimeType)).toEqual([
      "video/Vp8",
      "video/vp9",
      "video/h264",
    ]);
  });
});
