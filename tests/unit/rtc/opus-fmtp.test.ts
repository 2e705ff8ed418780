import { describe, expect, it } from "vitest";
import { withOpusFecAndDtx } from "@/lib/rtc/opus-fmtp";

/** The audio section of a Chrome 156 offer. */
const chromeAudio = [
  "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
  "a=mid:0",
  "a=rtpmap:111 opus/48000/2",
  "a=rtcp-fb:111 transport-cc",
  "a=fmtp:111 minptime=10;useinbandfec=1",
  "a=rtpmap:63 red/48000/2",
  "a=fmtp:63 111/111",
  "a=rtpmap:9 G722/8000",
  "a=rtpmap:110 telephone-event/48000",
  "m=video 9 UDP/TLS/RTP/SAVPF 98 99",
  "a=rtpmap:98 VP9/90000",
  "a=fmtp:98 profile-id=0",
  "a=rtpmap:99 rtx/90000",
  "a=fmtp:99 apt=98",
  "",
].join("\r\n");

describe("withOpusFecAndDtx", () => {
  it("adds DTX to Chrome's Opus line, keeps its other parameters, and touches no other line", () => {
    const munged = withOpusFecAndDtx(chromeAudio);
    expect(munged).toBe(chromeAudio.replace("a=fmtp:111 minptime=10;useinbandfec=1", "a=fmtp:111 minptime=10;useinbandfec=1;usedtx=1"));
  });

  it("overrides a peer that turned FEC or DTX off", () => {
    const sdp = "a=rtpmap:96 opus/48000/2\na=fmtp:96 usedtx=0;useinbandfec=0;stereo=1\n";
    expect(withOpusFecAndDtx(sdp)).toBe("a=rtpmap:96 opus/48000/2\na=fmtp:96 usedtx=1;useinbandfec=1;stereo=1\n");
  });

  it("handles every Opus payload type, whatever the case of the codec name", () => {
    const sdp = ["a=rtpmap:111 opus/48000/2", "a=rtpmap:112 OPUS/48000/2", "a=fmtp:111 minptime=10", "a=fmtp:112 minptime=20", ""].join("\r\n");
    expect(withOpusFecAndDtx(sdp).split("\r\n")).toEqual([
      "a=rtpmap:111 opus/48000/2",
      "a=rtpmap:112 OPUS/48000/2",
      "a=fmtp:111 minptime=10;useinbandfec=1;usedtx=1",
      "a=fmtp:112 minptime=20;useinbandfec=1;usedtx=1",
      "",
    ]);
  });

  it("leaves a description without Opus unchanged", () => {
    const sdp = "m=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=fmtp:0 foo=1\r\n";
    expect(withOpusFecAndDtx(sdp)).toBe(sdp);
  });
});
