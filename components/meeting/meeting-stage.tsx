"use client";

import type { ReactNode } from "react";
import type { ResolvedLayout } from "@/components/meeting/state/build-tiles";
import { ParticipantTile } from "@/components/meeting/stage/participant-tile";
import { StageView } from "@/components/meeting/stage/stage-view";
import type { TileModel } from "@/components/meeting/stage/tile-model";
import { VideoGrid } from "@/components/meeting/stage/video-grid";

type Props = {
  layout: ResolvedLayout;
  onTogglePin: (tile: TileModel) => void;
  hostMenuFor: (tile: TileModel) => ReactNode;
  /** For the "first remote frame" timing mark: called by others' camera tiles. */
  onFirstRemoteFrame: () => void;
};

/** Renders the resolved layout: a grid of equal tiles, or a stage with a filmstrip. */
export function MeetingStage({ layout, onTogglePin, hostMenuFor, onFirstRemoteFrame }: Props) {
  const render = (tile: TileModel, variant: "grid" | "stage" | "filmstrip") => (
    <ParticipantTile
      tile={tile}
      variant={variant}
      onTogglePin={() => onTogglePin(tile)}
      hostMenu={tile.isSelf ? null : hostMenuFor(tile)}
      onFirstFrame={tile.isSelf ? undefined : onFirstRemoteFrame}
    />
  );
  return layout.kind === "grid" ? (
    <VideoGrid tiles={layout.tiles} renderTile={(tile) => render(tile, "grid")} />
  ) : (
    <StageView stage={layout.stage} filmstrip={layout.filmstrip} renderTile={render} />
  );
}
