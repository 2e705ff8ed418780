"use client";

import { useEffect, useState } from "react";
import { meterAudioLevel } from "@/lib/media/audio-level";

/** About −30 dBFS on the meter's scale: ordinary speech near the microphone, well above room noise. */
const SPEECH_LEVEL = 0.5;
/**
 * Share of recent frames above SPEECH_LEVEL (an exponential average, ~0.8 s memory at 60 frames a second) that
 * counts as talking. Speech fills most frames; a cough, a door or a short beep does not get there.
 */
const TALKING_SHARE = 0.5;
const MEMORY = 0.98;
const SHOWN_MS = 5000;
/** Once dismissed by time, stay quiet a while: someone muted on purpose and talking in the room needs no nagging. */
const QUIET_AFTER_MS = 30_000;

/**
 * True for a few seconds when the person seems to talk while muted, so they can unmute instead of talking to
 * nobody. The microphone stays open while muted (for instant unmute), which is what makes this possible.
 */
export function useMutedSpeechHint(track: MediaStreamTrack | null, muted: boolean): boolean {
  const [showing, setShowing] = useState(false);
  useEffect(() => {
    if (!track || !muted) return;
    let share = 0;
    let quietUntil = 0;
    let hideTimer: ReturnType<typeof setTimeout> | undefined;
    const stop = meterAudioLevel(track, (level) => {
      share = share * MEMORY + (level >= SPEECH_LEVEL ? 1 - MEMORY : 0);
      const now = performance.now();
      if (share < TALKING_SHARE || now < quietUntil) return;
      quietUntil = now + SHOWN_MS + QUIET_AFTER_MS;
      setShowing(true);
      hideTimer = setTimeout(() => setShowing(false), SHOWN_MS);
    });
    return () => {
      stop();
      clearTimeout(hideTimer);
      setShowing(false);
    };
  }, [track, muted]);
  return showing;
}
