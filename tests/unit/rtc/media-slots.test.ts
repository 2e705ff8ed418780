import { describe, expect, it } from "vitest";
import { mediaSectionMids, slotForMid, trackKindOf } from "@/lib/rtc/media-slots";

const answer = [
  "v=0",
  "a=group:BUNDLE 0 1 2",
  "m=audio 9 UDP/TLS/RTP/SAVPF 111",
  "a=mid:0",
  "m=video 9 UDP/TLS/RTP/SAVPF 98",
  "a=mid:1",
  "m=video 9 UDP/TLS/RTP/SAVPF 98",
  "a=mid:2",
  "",
].join("\r\n");

describe("media slots", () => {
  it("reads mids in m-line order", () => {
    expect(mediaSectionMids(answer)).toEqual(["0", "1", "2"]);
    expect(mediaSectionMids("m=audio 9 RTP/AVP 0\nm=video 9 RTP/AVP 96\na=mid:v\n")).toEqual([null, "v"]);
  });

  it("maps each m-section to its slot by position, whatever the mids are called", () => {
    expect([slotForMid(answer, "0"), slotForMid(answer, "1"), slotForMid(answer, "2")]).toEqual(["audio", "camera", "screen"]);
    const foreign = answer.replace("a=mid:0", "a=mid:audio").replace("a=mid:1", "a=mid:cam").replace("a=mid:2", "a=mid:desk");
    expect(slotForMid(foreign, "desk")).toBe("screen");
  });

  it("has no slot for an unknown mid, a missing mid or a fourth section", () => {
    expect(slotForMid(answer, "7")).toBeNull();
    expect(slotForMid(answer, null)).toBeNull();
    expect(slotForMid(`${answer}m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:3\r\n`, "3")).toBeNull();
  });

  it("knows each slot's track kind", () => {
    expect([trackKindOf("audio"), trackKindOf("camera"), trackKindOf("screen")]).toEqual(["audio", "video", "video"]);
  });
});
