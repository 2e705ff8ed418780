"use client";

import type { ReactNode } from "react";
import type { TileModel } from "./tile-model";

/**
 * One large tile (a shared screen, the pinned or spotlit person, or the active speaker) and a filmstrip of the
 * rest: beside the stage on wide screens, under it on narrow ones.
 */
export function StageView({ stage, filmstrip, renderTile }: { stage: TileModel; filmstrip: TileModel[]; renderTile: (tile: TileModel, variant: "stage" | "filmstrip") => ReactNode }) {
  return (
    <div className="flex size-full min-h-0 flex-col gap-2 lg:flex-row">
      <div className="min-h-0 min-w-0 flex-1">{renderTile(stage, "stage")}</div>
      {filmstrip.length > 0 ? (
        <ul
          aria-label="Other videos"
          className="flex shrink-0 gap-2 overflow-x-auto pb-1 lg:w-56 lg:flex-col lg:overflow-x-hidden lg:overflow-y-auto lg:pr-1 lg:pb-0"
        >
          {filmstrip.map((tile) => (
            <li key={tile.key} className="aspect-video w-36 shrink-0 sm:w-44 lg:w-full">
              {renderTile(tile, "filmstrip")}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
