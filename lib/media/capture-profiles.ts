/**
 * Camera capture sizes. The bitrate policy scales the sent picture down per peer (lib/domain/bitrate-policy),
 * so capturing 720p only costs CPU when the budget allows 720p. `low` is for weak machines and meetings run
 * many times on one host (end-to-end tests): the offline notes measured 4+ participants at 640×360 freezing
 * 2 cores, and 320×180 at 10 fps staying fluid.
 */
export const CAPTURE_PROFILES = {
  hd: { width: 1280, height: 720, frameRate: 30 },
  sd: { width: 640, height: 360, frameRate: 24 },
  low: { width: 320, height: 180, frameRate: 10 },
} as const;

export type CaptureProfile = keyof typeof CAPTURE_PROFILES;

export function isCaptureProfile(value: unknown): value is CaptureProfile {
  return typeof value === "string" && Object.hasOwn(CAPTURE_PROFILES, value);
}

/**
 * A device id the person chose is `exact` (failing loudly beats silently using another camera); one merely
 * remembered from a previous visit is `ideal`, so an unplugged device falls back to the default one.
 */
export type DeviceChoice = { deviceId: string; strict: boolean } | null;

function deviceConstraint(choice: DeviceChoice): Pick<MediaTrackConstraints, "deviceId"> {
  if (!choice) return {};
  return { deviceId: choice.strict ? { exact: choice.deviceId } : { ideal: choice.deviceId } };
}

export function cameraConstraints(choice: DeviceChoice, profile: CaptureProfile): MediaTrackConstraints {
  const { width, height, frameRate } = CAPTURE_PROFILES[profile];
  return {
    ...deviceConstraint(choice),
    width: { ideal: width },
    height: { ideal: height },
    // A cap as well as a target: some webcams default to 60 fps, which doubles encoding work for every peer.
    frameRate: { ideal: frameRate, max: frameRate },
    aspectRatio: { ideal: 16 / 9 },
  };
}

export function microphoneConstraints(choice: DeviceChoice): MediaTrackConstraints {
  return {
    ...deviceConstraint(choice),
    echoCancellation: true,
    noiseSuppression: true,
    autoGainControl: true,
  };
}
