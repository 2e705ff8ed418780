"use client";

import { useSyncExternalStore } from "react";
import { canChooseAudioOutput } from "@/lib/media/audio-output";
import { canShareScreen } from "@/lib/media/screen-capture";

const subscribeNever = () => () => {};

/**
 * Browser capabilities that do not change during a visit; all false on the server and while hydrating, so the
 * markup matches. `hydrated` tells when event handlers are attached (a click before that is lost).
 */
export function useClientCapabilities() {
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  const chooseAudioOutput = useSyncExternalStore(subscribeNever, canChooseAudioOutput, () => false);
  const shareScreen = useSyncExternalStore(subscribeNever, canShareScreen, () => false);
  return { hydrated, chooseAudioOutput, shareScreen };
}
