"use client";

import { useEffect, useRef, useState } from "react";
import { needsVideoPipeline, type VideoEffectSettings } from "@/lib/media/effects/effect-settings";
import type { EffectState } from "@/lib/media/effects/effect-state";
import type { VideoEffectsSwitch } from "@/lib/media/effects/video-effects-switch";

export type VideoEffectsResult = {
  /** What to preview and send in place of the camera track: the processed track, or the camera itself. */
  track: MediaStreamTrack | null;
  state: EffectState | null;
};

/**
 * Binds lib/media/effects to React. The effects code (pipeline, MediaPipe, the worker) is imported only the
 * first time an effect is on, so a meeting with every effect off loads none of it.
 * NOT YET WIRED into the lobby or the meeting (see the effects branch report): the worker's bundling by Next
 * (a classic worker, MediaPipe uses importScripts) is still to be checked in a real build.
 */
export function useVideoEffects(camera: MediaStreamTrack | null, settings: VideoEffectSettings): VideoEffectsResult {
  const [published, setPublished] = useState<MediaStreamTrack | null>(null);
  const [state, setState] = useState<EffectState | null>(null);
  const switchRef = useRef<Promise<VideoEffectsSwitch> | null>(null);
  const wanted = needsVideoPipeline(settings);
  const { background, lowLight } = settings;
  const backgroundKey = JSON.stringify(background);

  useEffect(() => {
    if (!wanted && !switchRef.current) return;
    switchRef.current ??= import("@/lib/media/effects/video-effects-switch").then(async ({ VideoEffectsSwitch }) => {
      const { VideoEffectsProcessor } = await import("@/lib/media/effects/video/video-effects-processor");
      return new VideoEffectsSwitch({
        createProcessor: async () => {
          const processor = new VideoEffectsProcessor({
            createWorker: () => new Worker(new URL("../../../lib/media/effects/video/effects-worker.ts", import.meta.url)),
          });
          processor.on("state", setState);
          return processor;
        },
        publish: (track) => setPublished(track),
        onProcessor: (processor) => setState(processor?.state ?? null),
      });
    });
    // The switch applies updates one at a time in order, so the latest settings always win.
    void switchRef.current.then((effects) => effects.update(camera, { background: JSON.parse(backgroundKey), lowLight }));
  }, [camera, wanted, backgroundKey, lowLight]);

  useEffect(() => () => void switchRef.current?.then((effects) => effects.dispose()), []);

  return { track: wanted || published !== camera ? (published ?? camera) : camera, state };
}
