"use client";

import { type RefObject, useEffect } from "react";

const CAMERA_TILES = 'figure[data-tile="camera"][data-participant-id]';

/**
 * Reports whose camera tiles inside `container` are out of view (a scrolled filmstrip, a tile clipped by its
 * scroll container), so the SFU can stop forwarding those cameras. Reported only when the set changes.
 */
export function useOffScreenCameras(container: RefObject<HTMLElement | null>, onChange: (hidden: ReadonlySet<string>) => void) {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const hidden = new Set<string>();
    const observed = new Map<Element, string>();
    let reported = "";
    const report = () => {
      const key = [...hidden].sort().join(",");
      if (key === reported) return;
      reported = key;
      onChange(new Set(hidden));
    };
    const visibility = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const id = observed.get(entry.target);
        if (id === undefined) continue;
        if (entry.isIntersecting) hidden.delete(id);
        else hidden.add(id);
      }
      report();
    });
    // Tiles come and go with people and layouts: follow the ones present.
    const follow = () => {
      for (const tile of root.querySelectorAll<HTMLElement>(CAMERA_TILES)) {
        if (observed.has(tile)) continue;
        observed.set(tile, tile.dataset.participantId!);
        visibility.observe(tile);
      }
      for (const [tile, id] of observed) {
        if (tile.isConnected) continue;
        observed.delete(tile);
        visibility.unobserve(tile);
        hidden.delete(id);
      }
      report();
    };
    const changes = new MutationObserver(follow);
    changes.observe(root, { childList: true, subtree: true });
    follow();
    return () => {
      changes.disconnect();
      visibility.disconnect();
    };
  }, [container, onChange]);
}
