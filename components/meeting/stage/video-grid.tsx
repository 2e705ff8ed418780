"use client";

import { type ReactNode, useRef } from "react";
import { useElementSize } from "@/components/meeting/hooks/use-element-size";
import { gridDimensions } from "@/lib/domain/grid-dimensions";
import type { TileModel } from "./tile-model";

const GAP = 8;

/** Equal 16:9 tiles, as large as the space allows: columns follow the space available, not the screen width. */
export function VideoGrid({ tiles, renderTile }: { tiles: TileModel[]; renderTile: (tile: TileModel) => ReactNode }) {
  const container = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(container);
  const { tileWidth, tileHeight } = gridDimensions(tiles.length, width, height, 16 / 9, GAP);
  return (
    <div ref={container} className="size-full min-h-0 overflow-hidden">
      <ul aria-label="Videos" className="flex size-full flex-wrap content-center items-center justify-center" style={{ gap: GAP }}>
        {tiles.map((tile) => (
          <li key={tile.key} style={tileWidth > 0 ? { width: tileWidth, height: tileHeight } : { width: "100%", aspectRatio: "16 / 9" }}>
            {renderTile(tile)}
          </li>
        ))}
      </ul>
    </div>
  );
}
