"use client";

import { useSyncExternalStore } from "react";

/**
 * The current time, refreshed every 15 s while anything renders with it; null during server rendering and
 * hydration, so time-dependent output never mismatches the server's HTML.
 */
const TICK_MS = 15_000;
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  now = Date.now();
  timer ??= setInterval(() => {
    now = Date.now();
    for (const notify of listeners) notify();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): Date | null {
  const time = useSyncExternalStore(subscribe, () => now, () => null);
  return time === null ? null : new Date(time);
}
