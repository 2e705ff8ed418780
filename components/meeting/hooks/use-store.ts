"use client";

import { startTransition, useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { Store } from "@/lib/meeting-client/store";

/** A store's value, re-rendering at once on each change. */
export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * A store's value, re-rendering as a transition: a burst of server messages yields to the WebRTC work queued
 * meanwhile. Changes made from an event handler render at once when the handler calls `refresh`.
 */
export function useStoreInTransitions<T>(store: Store<T>): { value: T; refresh: () => void } {
  const [value, setValue] = useState(store.get);
  useEffect(() => {
    const update = () => startTransition(() => setValue(store.get()));
    const unsubscribe = store.subscribe(update);
    // A change between the render and the subscription would otherwise wait for the next one.
    if (store.get() !== value) update();
    return unsubscribe;
    // Only the store decides when to subscribe; `value` is read once to catch up.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  const refresh = useCallback(() => setValue(store.get()), [store]);
  return { value, refresh };
}
