import { describe, expect, it, vi } from "vitest";
import { applyEncodingCaps } from "@/lib/rtc/encoding-caps";

function fakeSender(encodings: RTCRtpEncodingParameters[]) {
  const setParameters = vi.fn<(parameters: RTCRtpSendParameters) => Promise<void>>(async () => undefined);
  const sender = {
    getParameters: (): RTCRtpSendParameters => ({ transactionId: "t1", codecs: [], headerExtensions: [], rtcp: {}, encodings: structuredClone(encodings) }),
    setParameters,
  } as unknown as RTCRtpSender;
  return { sender, setParameters };
}

const caps = { maxBitrate: 308_000, maxFramerate: 20, scaleResolutionDownBy: 2, priority: "low" as const, networkPriority: "low" as const };

describe("applyEncodingCaps", () => {
  it("sets the caps on the sender's encoding, keeping its other fields and the transaction id", async () => {
    const { sender, setParameters } = fakeSender([{ active: true, priority: "low", networkPriority: "low" }]);
    await applyEncodingCaps(sender, caps);
    expect(setParameters).toHaveBeenCalledWith(expect.objectContaining({ transactionId: "t1", encodings: [{ active: true, ...caps }] }));
  });

  it("skips a sender that already has these caps", async () => {
    const { sender, setParameters } = fakeSender([{ active: true, ...caps }]);
    await applyEncodingCaps(sender, caps);
    expect(setParameters).not.toHaveBeenCalled();
  });

  it("waits for negotiation when the sender has no encoding yet", async () => {
    const { sender, setParameters } = fakeSender([]);
    await applyEncodingCaps(sender, caps);
    expect(setParameters).not.toHaveBeenCalled();
  });
});
