import { afterEach, describe, expect, it, vi } from "vitest";
import { acquireMedia } from "@/lib/media/acquire-media";

const track = (kind: "audio" | "video") => ({ kind }) as MediaStreamTrack;
const stream = (audio: boolean, video: boolean) =>
  ({ getAudioTracks: () => (audio ? [track("audio")] : []), getVideoTracks: () => (video ? [track("video")] : []) }) as unknown as MediaStream;
const domError = (name: string) => Object.assign(new Error(name), { name });

function stubGetUserMedia(implementation: (constraints: MediaStreamConstraints) => Promise<MediaStream>) {
  const getUserMedia = vi.fn(implementation);
  vi.stubGlobal("navigator", { mediaDevices: { getUserMedia } });
  return getUserMedia;
}

afterEach(() => vi.unstubAllGlobals());

describe("acquireMedia", () => {
  it("asks for both devices in one prompt", async () => {
    const getUserMedia = stubGetUserMedia(async () => stream(true, true));
    const result = await acquireMedia({ microphone: null, camera: null, profile: "sd" });
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ audioTrack: { kind: "audio" }, videoTrack: { kind: "video" }, microphoneError: null, cameraError: null });
  });

  it("keeps the microphone when the camera is busy, and says why the camera failed", async () => {
    stubGetUserMedia(async (constraints) => {
      if (constraints.video) throw domError("NotReadableError");
      return stream(true, false);
    });
    const result = await acquireMedia({ microphone: null, camera: null, profile: "sd" });
    expect(result.audioTrack).toEqual({ kind: "audio" });
    expect(result.videoTrack).toBeNull();
    expect(result.cameraError?.kind).toBe("in-use");
    expect(result.microphoneError).toBeNull();
  });

  it("reports both as denied when the person blocks the site, so they can still listen", async () => {
    stubGetUserMedia(async () => Promise.reject(domError("NotAllowedError")));
    const result = await acquireMedia({ microphone: null, camera: null, profile: "sd" });
    expect(result).toMatchObject({ audioTrack: null, videoTrack: null, microphoneError: { kind: "denied" }, cameraError: { kind: "denied" } });
  });

  it("opens only what is asked for", async () => {
    const getUserMedia = stubGetUserMedia(async () => stream(true, false));
    const result = await acquireMedia({ microphone: null, camera: false, profile: "sd" });
    expect(getUserMedia).toHaveBeenCalledWith({ audio: expect.any(Object) });
    expect(result.cameraError).toBeNull();
  });

  it("explains an insecure page, where the API is missing", async () => {
    vi.stubGlobal("navigator", {});
    const result = await acquireMedia({ microphone: null, camera: null, profile: "sd" });
    expect(result.microphoneError?.kind).toBe("unsupported");
    expect(result.cameraError?.kind).toBe("unsupported");
  });
});
