"use client";

import { useEffect, useRef } from "react";
import type { ClientMessage } from "@/lib/signaling";
import { type FeatureFacts, featureChanges } from "@/components/meeting/state/feature-events";

/** Sends a `feature` message for each change the user makes to their own media, hand or layout (analytics). */
export function useFeatureEvents(active: boolean, facts: FeatureFacts | null, send: (message: ClientMessage) => boolean) {
  const last = useRef<FeatureFacts | null>(null);
  const { audio, video, screen, handRaised, layout, effects } = facts ?? { audio: false, video: false, screen: false, handRaised: false, layout: "", effects: null };
  // Compared by value: the settings object is rebuilt on every change of the effects snapshot.
  const effectsKey = JSON.stringify(effects);
  const known = active && facts !== null;
  useEffect(() => {
    if (!known) {
      // The first observation after joining is the starting point, not a use of anything.
      last.current = null;
      return;
    }
    const current = { audio, video, screen, handRaised, layout, effects: JSON.parse(effectsKey) as FeatureFacts["effects"] };
    for (const event of featureChanges(last.current, current)) send({ type: "feature", ...event });
    last.current = current;
  }, [known, audio, video, screen, handRaised, layout, effectsKey, send]);
}
