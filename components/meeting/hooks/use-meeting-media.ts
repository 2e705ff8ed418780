"use client";

import { useMemo } from "react";
import type { CaptureProfile } from "@/lib/media/capture-profiles";
import { type MediaEffectsHandle, useMediaEffects } from "./use-media-effects";
import { type LocalMedia, type LocalMediaControls, useLocalMedia } from "./use-local-media";
import { type QualityChoiceHandle, useQualityChoice } from "./use-quality-choice";

/**
 * The person's devices with their effects applied: `camera.track` and `microphone.track` are what is previewed
 * and sent (processed when an effect is on), `cameraSource` the camera itself (for its constraints).
 */
export type MeetingMedia = LocalMedia &
  LocalMediaControls & { effects: MediaEffectsHandle; cameraSource: MediaStreamTrack | null; quality: QualityChoiceHandle };

export function useMeetingMedia(userId: string, profile: CaptureProfile): MeetingMedia {
  const local = useLocalMedia(profile);
  const effects = useMediaEffects(userId, local.camera.track, local.microphone.track);
  const quality = useQualityChoice(userId);
  const { camera, microphone } = local;
  // While a background effect starts, the camera counts as starting: the unprocessed picture is never shown.
  const startingEffect = camera.track !== null && effects.video === null;
  const shownCamera = useMemo(() => ({ ...camera, track: effects.video, pending: camera.pending || startingEffect }), [camera, effects.video, startingEffect]);
  const shownMicrophone = useMemo(() => ({ ...microphone, track: effects.audio }), [microphone, effects.audio]);
  return { ...local, camera: shownCamera, microphone: shownMicrophone, effects, cameraSource: camera.track, quality };
}
