import { describe, expect, it } from "vitest";
import { describeDeviceError, deviceErrorKind } from "@/lib/media/media-errors";

const domError = (name: string) => Object.assign(new Error(name), { name });

describe("deviceErrorKind", () => {
  it("maps getUserMedia failures to what a person can act on", () => {
    expect(deviceErrorKind(domError("NotAllowedError"))).toBe("denied");
    expect(deviceErrorKind(domError("SecurityError"))).toBe("denied");
    expect(deviceErrorKind(domError("NotFoundError"))).toBe("not-found");
    expect(deviceErrorKind(domError("OverconstrainedError"))).toBe("not-found");
    expect(deviceErrorKind(domError("NotReadableError"))).toBe("in-use");
    expect(deviceErrorKind(new TypeError("no mediaDevices"))).toBe("unsupported");
    expect(deviceErrorKind(domError("SomethingNew"))).toBe("failed");
    expect(deviceErrorKind("not an error")).toBe("failed");
  });
});

describe("describeDeviceError", () => {
  it("names the device and the way out", () => {
    expect(describeDeviceError("camera", domError("NotAllowedError"))).toEqual({ kind: "denied", message: expect.stringMatching(/blocked the camera.*site settings/) });
    expect(describeDeviceError("microphone", domError("NotFoundError")).message).toBe("No microphone was found. Connect one, or join without it.");
    expect(describeDeviceError("camera", domError("NotReadableError")).message).toMatch(/in use by another application/);
  });
});
