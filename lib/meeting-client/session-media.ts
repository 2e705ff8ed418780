import type { ScreenCaptureResult } from "@/lib/media/screen-capture";
import type { LocalMedia } from "@/lib/rtc";
import type { MediaRights } from "./state/media-rights";

type Device = { enabled: boolean; track: MediaStreamTrack | null; pending: boolean };

/**
 * What the meeting session needs of the person's devices (the React media hooks provide it, with effects applied):
 * their state as last rendered, and the switches the meeting and the host's actions turn.
 */
export type SessionMedia = {
  microphone: Device;
  camera: Device;
  screen: MediaStreamTrack | null;
  setMicrophoneEnabled: (enabled: boolean) => void;
  setCameraEnabled: (enabled: boolean) => void;
  startScreenShare: () => Promise<ScreenCaptureResult>;
  stopScreenShare: () => void;
  /** Opens the devices again (rejoin). */
  start: () => void;
  /** Stops every track: leaving turns the camera light off. */
  release: () => void;
  /** Join is a user gesture: an audio graph created without one (noise suppression) may wait for it. */
  resumeAudio: () => void;
};

/** The tracks that go out: only what the role may publish, and only devices that are on. */
export function publishedTracks(rights: MediaRights, media: SessionMedia): Required<Pick<LocalMedia, "audio" | "video" | "screen">> {
  return {
    audio: rights.audio === null && media.microphone.enabled ? media.microphone.track : null,
    video: rights.video === null && media.camera.enabled ? media.camera.track : null,
    screen: rights.screen === null ? media.screen : null,
  };
}

/**
 * Turns off whatever this person may no longer publish (joined as an observer, demoted, stricter policy): the
 * server refuses such media anyway, and the devices' lights should go off with it.
 */
export function enforceRights(rights: MediaRights, media: SessionMedia): void {
  if (rights.audio && media.microphone.enabled) media.setMicrophoneEnabled(false);
  if (rights.video && media.camera.enabled) media.setCameraEnabled(false);
  if (rights.screen && media.screen) media.stopScreenShare();
}
