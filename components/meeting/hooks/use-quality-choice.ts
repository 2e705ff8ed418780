"use client";

import { useCallback, useEffect, useState } from "react";
import type { ReceiveQuality, SendQuality } from "@/lib/domain/video-quality";
import { AUTO_QUALITY, loadQualityPreferences, type QualityChoice, saveQualityPreferences } from "@/lib/media/quality-preferences";

export type QualityChoiceHandle = QualityChoice & { setSend: (quality: SendQuality) => void; setReceive: (quality: ReceiveQuality) => void };

/** The person's quality choice: read from this browser once mounted (never during server rendering), saved on change. */
export function useQualityChoice(userId: string): QualityChoiceHandle {
  const [choice, setChoice] = useState<QualityChoice>(AUTO_QUALITY);
  // localStorage exists only in the browser: read it after hydration, as the effects preferences are.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setChoice(loadQualityPreferences(userId)), [userId]);
  const update = useCallback(
    (change: Partial<QualityChoice>) =>
      setChoice((current) => {
        const next = { ...current, ...change };
        saveQualityPreferences(userId, next);
        return next;
      }),
    [userId],
  );
  const setSend = useCallback((send: SendQuality) => update({ send }), [update]);
  const setReceive = useCallback((receive: ReceiveQuality) => update({ receive }), [update]);
  return { ...choice, setSend, setReceive };
}
