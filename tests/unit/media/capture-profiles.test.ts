import { describe, expect, it } from "vitest";
import { cameraConstraints, isCaptureProfile, microphoneConstraints } from "@/lib/media/capture-profiles";

describe("capture constraints", () => {
  it("asks for the profile's size and caps the frame rate", () => {
    expect(cameraConstraints(null, "low")).toEqual({ width: { ideal: 320 }, height: { ideal: 180 }, frameRate: { ideal: 10, max: 10 }, aspectRatio: { ideal: 16 / 9 } });
    expect(cameraConstraints(null, "hd")).toMatchObject({ width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { max: 30 } });
  });

  it("insists on a device the person picked, and only prefers a remembered one", () => {
    expect(cameraConstraints({ deviceId: "cam-2", strict: true }, "sd").deviceId).toEqual({ exact: "cam-2" });
    expect(microphoneConstraints({ deviceId: "mic-1", strict: false }).deviceId).toEqual({ ideal: "mic-1" });
    expect(microphoneConstraints(null)).toEqual({ echoCancellation: true, noiseSuppression: true, autoGainControl: true });
  });

  it("recognises profile names from a query string", () => {
    expect(["hd", "sd", "low"].every(isCaptureProfile)).toBe(true);
    expect(isCaptureProfile("4k")).toBe(false);
    expect(isCaptureProfile(["low"])).toBe(false);
    expect(isCaptureProfile("toString")).toBe(false);
  });
});
