"use client";

import { useEffect, useRef } from "react";
import { type ShortcutAction, shortcutFor } from "@/components/meeting/state/shortcuts";

/** Listens on the document while `enabled`; the handler may change every render without re-subscribing. */
export function useKeyboardShortcuts(enabled: boolean, onShortcut: (action: ShortcutAction) => void) {
  const handler = useRef(onShortcut);
  useEffect(() => {
    handler.current = onShortcut;
  }, [onShortcut]);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
