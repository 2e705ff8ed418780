import { describe, expect, it } from "vitest";
import { DATA_SAVER_CAMERA_KBPS, sendCeilingKbps } from "@/lib/domain/video-quality";
import { AUDIO_RESERVE_KBPS, DEFAULT_UPLINK_KBPS, scaleDownFactor, sendCapsFor, type SendCaps } from "@/lib/domain/bitrate-policy";

const sendingCombos = [
  { sendingCamera: true, sendingScreen: false },
  { sendingCamera: false, sendingScreen: true },
  { sendingCamera: true, sendingScreen: true },
];

/** What one peer connection may send, in payload kbps, for the tracks actually sent. */
function payloadPerPeer(caps: SendCaps, sending: { sendingCamera: boolean; sendingScreen: boolean }): number {
  return caps.audio.maxBitrateKbps + (sending.sendingCamera ? caps.camera.maxBitrateKbps : 0) + (sending.sendingScreen ? caps.screen.maxBitrateKbps : 0);
}

describe("sendCapsFor", () => {
  it.each(sendingCombos)("fits a 6-person mesh into a 2 Mbps uplink, headers included (%o)", (sending) => {
    const remotePeerCount = 5;
    const caps = sendCapsFor({ remotePeerCount, ...sending });
    const videoPerPeer = payloadPerPeer(caps, sending) - caps.audio.maxBitrateKbps;
    expect(remotePeerCount * payloadPerPeer(caps, sending)).toBeLessThanOrEqual(2_000);
    expect(remotePeerCount * (AUDIO_RESERVE_KBPS + videoPerPeer)).toBeLessThanOrEqual(DEFAULT_UPLINK_KBPS);
  });

  it("gives a 6-person mesh's camera 308 kbps at 360p and 20 fps", () => {
    expect(sendCapsFor({ remotePeerCount: 5, sendingCamera: true, sendingScreen: false })).toEqual({
      audio: { maxBitrateKbps: 32 },
      camera: { maxBitrateKbps: 308, maxFramerate: 20, targetHeight: 360, priority: "low" },
      screen: { maxBitrateKbps: 308, maxFramerate: 5, targetHeight: null, priority: "high" },
    });
  });

  it("caps a one-to-one camera at 1.5 Mbps and 720p30", () => {
    expect(sendCapsFor({ remotePeerCount: 1, sendingCamera: true, sendingScreen: false }).camera).toEqual({
      maxBitrateKbps: 1_500,
      maxFramerate: 30,
      targetHeight: 720,
      priority: "low",
    });
  });

  it.each([
    ["hd", 1_500, 720],
    ["sd", 529, 360],
    ["low", 299, 180],
  ] as const)("caps a one-to-one camera at the %s choice (%i kbps, %ip), and a ceiling never raises", (quality, kbps, height) => {
    const capped = sendCapsFor({ remotePeerCount: 1, sendingCamera: true, sendingScreen: false, cameraCeilingKbps: sendCeilingKbps(quality) });
    expect(capped.camera).toMatchObject({ maxBitrateKbps: kbps, targetHeight: height });
    // Six people already leave the camera 308 kbps: HD and SD change nothing, Low still lowers it.
    const crowded = sendCapsFor({ remotePeerCount: 5, sendingCamera: true, sendingScreen: false, cameraCeilingKbps: sendCeilingKbps(quality) });
    expect(crowded.camera.maxBitrateKbps).toBe(Math.min(308, kbps));
  });

  it("sends a data-saver peer a 180p camera, never below the floor", () => {
    expect(sendCapsFor({ remotePeerCount: 1, sendingCamera: true, sendingScreen: false, cameraCeilingKbps: DATA_SAVER_CAMERA_KBPS }).camera).toMatchObject({ maxBitrateKbps: 150, targetHeight: 180 });
    expect(sendCapsFor({ remotePeerCount: 1, sendingCamera: true, sendingScreen: false, cameraCeilingKbps: 10 }).camera.maxBitrateKbps).toBe(50);
  });

  it("gives the screen three quarters of the video budget, and priority, when both are sent", () => {
    const caps = sendCapsFor({ remotePeerCount: 1, sendingCamera: true, sendingScreen: true });
    expect(caps.screen).toEqual({ maxBitrateKbps: 1_311, maxFramerate: 15, targetHeight: null, priority: "high" });
    expect(caps.camera).toMatchObject({ maxBitrateKbps: 437, priority: "low" });
  });

  it("shrinks the camera as the mesh grows, never below the floor", () => {
    const cameraKbps = Array.from({ length: 30 }, (_, index) => sendCapsFor({ remotePeerCount: index + 1, sendingCamera: true, sendingScreen: false }).camera.maxBitrateKbps);
    expect(cameraKbps.every((kbps, index) => index === 0 || kbps <= cameraKbps[index - 1]!)).toBe(true);
    expect(sendCapsFor({ remotePeerCount: 29, sendingCamera: true, sendingScreen: false }).camera).toEqual({
      maxBitrateKbps: 50,
      maxFramerate: 15,
      targetHeight: 90,
      priority: "low",
    });
  });

  it("scales with the uplink it is given, and treats an empty mesh like one peer", () => {
    expect(sendCapsFor({ remotePeerCount: 5, sendingCamera: true, sendingScreen: false, uplinkKbps: 10_000 }).camera.maxBitrateKbps).toBe(1_500);
    expect(sendCapsFor({ remotePeerCount: 0, sendingCamera: true, sendingScreen: false })).toEqual(sendCapsFor({ remotePeerCount: 1, sendingCamera: true, sendingScreen: false }));
  });
});

describe("scaleDownFactor", () => {
  it("scales a source down to the target height, never up", () => {
    expect(scaleDownFactor(720, 360)).toBe(2);
    expect(scaleDownFactor(1080, 720)).toBe(1.5);
    expect(scaleDownFactor(360, 720)).toBe(1);
  });

  it("keeps the source as it is when its height or the target is unknown", () => {
    expect(scaleDownFactor(undefined, 360)).toBe(1);
    expect(scaleDownFactor(1080, null)).toBe(1);
  });
});
