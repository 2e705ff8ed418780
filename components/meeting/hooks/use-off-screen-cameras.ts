"use client";

import { type RefObject, useEffect } from "react";

const CAMERA_TILES = 'figure[data-tile="camera"][data-participant-id]';

/**
 * Reports whose camera tiles inside `container` are out of view (a scrolled filmstrip, a tile clipped by its
 * scroll container), so the SFU can stop forwarding those cameras. A person counts as off-screen only when every
 * tile element of theirs that is still on the page is out of view: tiles are re-created as layouts change, and the
 * observer may report on an element already removed after its replacement came into view. Reported only when the
 * set changes.
 */
export function useOffScreenCameras(container: RefObject<HTMLElement | null>, onChange: (hidden: ReadonlySet<string>) => void) {
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    /** Each observed tile element: whose it is, and whether it was last seen in view (unknown until observed). */
    const tiles = new Map<Element, { id: string; inView: boolean | null }>();
    let reported = "";
    const report = () => {
      const seen = new Set<string>();
      const offScreen = new Set<string>();
      for (const [element, tile] of tiles) {
        if (!element.isConnected) continue;
        if (tile.inView !== false) seen.add(tile.id);
        else offScreen.add(tile.id);
      }
      const hidden = new Set([...offScreen].filter((id) => !seen.has(id)));
      const key = [...hidden].sort().join(",");
      if (key === reported) return;
      reported = key;
      onChange(hidden);
    };
    const visibility = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const tile = tiles.get(entry.target);
        if (tile) tile.inView = entry.isIntersecting;
      }
      report();
    });
    // Tiles come and go with people and layouts: follow the ones present.
    const follow = () => {
      for (const element of root.querySelectorAll<HTMLElement>(CAMERA_TILES)) {
        if (tiles.has(element)) continue;
        tiles.set(element, { id: element.dataset.participantId!, inView: null });
        visibility.observe(element);
      }
      for (const element of [...tiles.keys()]) {
        if (element.isConnected) continue;
        tiles.delete(element);
        visibility.unobserve(element);
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
