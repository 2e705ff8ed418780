"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { defaultEffectSettings, type EffectSettings } from "@/lib/media/effects/effect-settings";
import { loadEffectPreferences, saveEffectPreferences } from "@/lib/media/effects/effect-preferences";
import { MediaEffects, type MediaEffectsSnapshot } from "@/lib/media/effects/media-effects";

export type MediaEffectsHandle = MediaEffectsSnapshot & {
  update: (changes: Partial<EffectSettings>) => void;
  resumeAudio: () => void;
};

/**
 * Binds lib/media/effects/media-effects.ts to React: the person's stored choices, the camera and microphone in,
 * the tracks to preview and send out. The pipeline, MediaPipe and the noise suppressor's worklet are imported
 * only when an effect first needs them.
 */
export function useMediaEffects(userId: string, camera: MediaStreamTrack | null, microphone: MediaStreamTrack | null): MediaEffectsHandle {
  const [effects] = useState(
    () =>
      new MediaEffects({
        // The stored choices are read after hydration (below): the server renders the defaults.
        settings: defaultEffectSettings,
        onSettingsChanged: (settings) => saveEffectPreferences(userId, settings),
        createVideoProcessor: async () => {
          const { VideoEffectsProcessor } = await import("@/lib/media/effects/video/video-effects-processor");
          // A classic worker: MediaPipe's wasm loader uses importScripts.
          return new VideoEffectsProcessor({ createWorker: () => new Worker(new URL("../../../lib/media/effects/video/effects-worker.ts", import.meta.url)) });
        },
        startNoiseSuppressor: async (track, enabled) => {
          const { NoiseSuppressor } = await import("@/lib/media/effects/noise-suppression");
          return NoiseSuppressor.start(track, enabled);
        },
      }),
  );
  const snapshot = useSyncExternalStore(
    (onChange) => effects.on("change", onChange),
    () => effects.snapshot,
    () => effects.snapshot,
  );
  // Declared first, so the camera and microphone start with the stored choices.
  useEffect(() => effects.update(loadEffectPreferences(userId)), [effects, userId]);
  useEffect(() => effects.setCamera(camera), [effects, camera]);
  useEffect(() => effects.setMicrophone(microphone), [effects, microphone]);
  // Unmounting stops the processor and the suppressor; a remount (React's strict mode) starts them again.
  useEffect(
    () => () => {
      effects.setCamera(null);
      effects.setMicrophone(null);
    },
    [effects],
  );
  return { ...snapshot, update: (changes) => effects.update(changes), resumeAudio: () => effects.resumeAudio() };
}
