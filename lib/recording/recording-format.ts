import type { CaptureProfile } from "../media/capture-profiles";

/** The composite's size, rate and encoder target. */
export type RecordingFormat = { readonly width: number; readonly height: number; readonly fps: number; readonly videoBitsPerSecond: number };

/**
 * The recording follows the recorder's capture profile: 720p by default, smaller on machines (and test runs) that
 * asked for lighter video, so composing and encoding never starve the recorder's own call.
 */
export const RECORDING_FORMATS: Record<CaptureProfile, RecordingFormat> = {
  hd: { width: 1280, height: 720, fps: 20, videoBitsPerSecond: 1_500_000 },
  sd: { width: 960, height: 540, fps: 15, videoBitsPerSecond: 1_000_000 },
  low: { width: 640, height: 360, fps: 15, videoBitsPerSecond: 600_000 },
};
