"use client";

import { useEffect, useRef } from "react";
import { meterAudioLevel } from "@/lib/media/audio-level";

/**
 * A live bar for the microphone. Levels arrive every animation frame, so they are written straight to the DOM
 * rather than through React state, which would re-render the page 60 times a second.
 */
export function MicLevelMeter({ track, className = "" }: { track: MediaStreamTrack | null; className?: string }) {
  const bar = useRef<HTMLDivElement>(null);
  const meter = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const barElement = bar.current;
    const meterElement = meter.current;
    if (!track || !barElement || !meterElement) return;
    let lastAnnounced = -1;
    const stop = meterAudioLevel(track, (level) => {
      barElement.style.transform = `scaleX(${level.toFixed(3)})`;
      // aria-valuenow in steps of 10 is enough for a screen reader and spares the accessibility tree.
      const rounded = Math.round(level * 10) * 10;
      if (rounded !== lastAnnounced) {
        lastAnnounced = rounded;
        meterElement.setAttribute("aria-valuenow", String(rounded));
        meterElement.dataset.level = String(rounded);
      }
    });
    return () => {
      stop();
      barElement.style.transform = "scaleX(0)";
    };
  }, [track]);
  return (
    <div
      ref={meter}
      role="meter"
      aria-label="Microphone level"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={0}
      data-level={0}
      className={`h-2 overflow-hidden rounded-full bg-fg-muted/60 ${className}`}
    >
      <div ref={bar} style={{ transform: "scaleX(0)" }} className="h-full origin-left rounded-full bg-success transition-transform duration-75" />
    </div>
  );
}
