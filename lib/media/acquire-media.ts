import { type CaptureKind, type DeviceError, describeDeviceError } from "./media-errors";
import { type CaptureProfile, type DeviceChoice, cameraConstraints, microphoneConstraints } from "./capture-profiles";

export type CaptureRequest = {
  /** `false` skips the device entirely; otherwise which one to open (`null`: the browser's default). */
  microphone: DeviceChoice | false;
  camera: DeviceChoice | false;
  profile: CaptureProfile;
};

export type CaptureResult = {
  audioTrack: MediaStreamTrack | null;
  videoTrack: MediaStreamTrack | null;
  microphoneError: DeviceError | null;
  cameraError: DeviceError | null;
};

async function openOne(kind: CaptureKind, request: CaptureRequest): Promise<{ track: MediaStreamTrack | null; error: DeviceError | null }> {
  const choice = kind === "microphone" ? request.microphone : request.camera;
  if (choice === false) return { track: null, error: null };
  const constraints: MediaStreamConstraints =
    kind === "microphone" ? { audio: microphoneConstraints(choice) } : { video: cameraConstraints(choice, request.profile) };
  try {
    const stream = await navigator.mediaDevices.getUserMedia(constraints);
    const [track] = kind === "microphone" ? stream.getAudioTracks() : stream.getVideoTracks();
    return { track: track ?? null, error: null };
  } catch (error) {
    return { track: null, error: describeDeviceError(kind, error) };
  }
}

/**
 * Opens the microphone and camera. Both are asked for in one call first, so the browser shows a single
 * permission prompt; when that fails, each is retried alone so that a missing or busy camera still lets the
 * person join with audio (and a broken microphone still lets them listen).
 */
export async function acquireMedia(request: CaptureRequest): Promise<CaptureResult> {
  if (typeof navigator === "undefined" || !navigator.mediaDevices?.getUserMedia) {
    const error = describeDeviceError("camera", new TypeError("mediaDevices unavailable"));
    return {
      audioTrack: null,
      videoTrack: null,
      microphoneError: request.microphone === false ? null : error,
      cameraError: request.camera === false ? null : error,
    };
  }
  if (request.microphone !== false && request.camera !== false) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: microphoneConstraints(request.microphone),
        video: cameraConstraints(request.camera, request.profile),
      });
      return {
        audioTrack: stream.getAudioTracks()[0] ?? null,
        videoTrack: stream.getVideoTracks()[0] ?? null,
        microphoneError: null,
        cameraError: null,
      };
    } catch {
      // Fall through: asking separately tells which of the two failed, and keeps the one that works.
    }
  }
  const [microphone, camera] = await Promise.all([openOne("microphone", request), openOne("camera", request)]);
  return { audioTrack: microphone.track, videoTrack: camera.track, microphoneError: microphone.error, cameraError: camera.error };
}

/** Opens one device, e.g. after the person picks another camera or turns theirs back on. */
export async function acquireTrack(kind: CaptureKind, choice: DeviceChoice, profile: CaptureProfile) {
  return openOne(kind, { microphone: kind === "microphone" ? choice : false, camera: kind === "camera" ? choice : false, profile });
}
