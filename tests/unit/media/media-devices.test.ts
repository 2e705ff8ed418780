import { afterEach, describe, expect, it, vi } from "vitest";
import { listDevices } from "@/lib/media/media-devices";

const device = (kind: MediaDeviceKind, deviceId: string, label = "") => ({ kind, deviceId, label, groupId: "g" }) as MediaDeviceInfo;

afterEach(() => vi.unstubAllGlobals());

describe("listDevices", () => {
  it("groups devices by kind and numbers unlabelled ones (before permission)", async () => {
    vi.stubGlobal("navigator", {
      mediaDevices: {
        enumerateDevices: async () => [
          device("audioinput", "default", "Default - Headset"),
          device("audioinput", "mic-2"),
          device("videoinput", "cam-1", "FaceTime HD"),
          device("audiooutput", "spk-1", "Speakers"),
          device("videoinput", ""),
        ],
      },
    });
    await expect(listDevices()).resolves.toEqual({
      microphones: [
        { deviceId: "default", label: "Default - Headset" },
        { deviceId: "mic-2", label: "Microphone 2" },
      ],
      cameras: [{ deviceId: "cam-1", label: "FaceTime HD" }],
      speakers: [{ deviceId: "spk-1", label: "Speakers" }],
    });
  });

  it("is empty where the browser has no media devices API", async () => {
    vi.stubGlobal("navigator", {});
    await expect(listDevices()).resolves.toEqual({ microphones: [], cameras: [], speakers: [] });
  });
});
