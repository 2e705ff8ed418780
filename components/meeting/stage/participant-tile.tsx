"use client";

import { Hand, MicOff, Pin, PinOff, Star, WifiOff } from "lucide-react";
import type { ReactNode } from "react";
import { QualityIndicator } from "./quality-indicator";
import type { TileModel } from "./tile-model";
import { TrackVideo } from "./track-video";

type Props = {
  tile: TileModel;
  variant: "grid" | "stage" | "filmstrip";
  onTogglePin: () => void;
  /** Host actions on this participant, when the viewer is a host. */
  hostMenu?: ReactNode;
  onFirstFrame?: () => void;
};

function Avatar({ name, compact }: { name: string; compact: boolean }) {
  return (
    <span aria-hidden className={`grid place-items-center rounded-full bg-primary font-semibold text-stage-fg ${compact ? "size-10 text-lg" : "size-16 text-2xl sm:size-20 sm:text-3xl"}`}>
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}

export function ParticipantTile({ tile, variant, onTogglePin, hostMenu, onFirstFrame }: Props) {
  const compact = variant === "filmstrip";
  const label = tile.source === "screen" ? `${tile.name}'s screen` : tile.isSelf ? `${tile.name} (you)` : tile.name;
  const showVideo = tile.videoOn && tile.track !== null;
  return (
    <figure
      aria-label={label}
      data-testid="participant-tile"
      data-tile={tile.source}
      data-participant-id={tile.participantId}
      data-participant-name={tile.name}
      data-muted={!tile.microphoneOn}
      data-hand={tile.handRaised}
      data-video={showVideo}
      className={`group relative grid size-full place-items-center overflow-hidden rounded-lg bg-stage-raised ring-2 transition-shadow ${
        tile.speaking && tile.source === "camera" ? "ring-success" : "ring-transparent"
      }`}
    >
      {showVideo ? (
        <TrackVideo
          track={tile.track}
          mirrored={tile.isSelf && tile.source === "camera"}
          fit={tile.source === "screen" ? "contain" : "cover"}
          className="absolute inset-0"
          onFirstFrame={onFirstFrame}
        />
      ) : (
        <Avatar name={tile.name} compact={compact} />
      )}

      {tile.reconnecting ? (
        <div className="absolute inset-0 grid place-items-center bg-stage/60 text-sm text-stage-fg">
          <span className="flex items-center gap-2">
            <WifiOff aria-hidden className="size-4" /> Reconnecting…
          </span>
        </div>
      ) : null}

      <div className="absolute top-1.5 left-1.5 flex items-center gap-1">
        {tile.handRaised && tile.source === "camera" ? (
          <span role="img" aria-label="Hand raised" className="rounded-full bg-warning p-1 text-on-warning">
            <Hand aria-hidden className="size-4" />
          </span>
        ) : null}
        {tile.spotlit ? (
          <span role="img" aria-label="Spotlighted" className="rounded-full bg-primary p-1 text-stage-fg">
            <Star aria-hidden className="size-3.5" />
          </span>
        ) : null}
      </div>

      <div className="absolute top-1.5 right-1.5 flex items-center gap-1 opacity-100 transition-opacity sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100">
        <button
          type="button"
          aria-pressed={tile.pinned}
          aria-label={`Pin ${label}`}
          title={tile.pinned ? "Unpin" : "Pin for me"}
          onClick={onTogglePin}
          className="rounded-full bg-stage-scrim/70 p-1.5 text-stage-fg hover:bg-stage-scrim"
        >
          {tile.pinned ? <PinOff aria-hidden className="size-4" /> : <Pin aria-hidden className="size-4" />}
        </button>
        {hostMenu}
      </div>

      <figcaption className="absolute right-1.5 bottom-1.5 left-1.5 flex items-center gap-1.5 text-stage-fg">
        <span className="flex min-w-0 items-center gap-1.5 rounded bg-stage-scrim/70 px-1.5 py-0.5 text-xs font-medium sm:text-sm">
          {tile.source === "camera" && !tile.microphoneOn ? (
            <MicOff role="img" aria-label="Microphone off" className="size-3.5 shrink-0 text-stage-danger" data-testid="tile-muted" />
          ) : null}
          <span className="truncate">{label}</span>
          {tile.isHost && tile.source === "camera" ? <span className="text-[10px] font-semibold tracking-wide text-stage-accent uppercase">Host</span> : null}
        </span>
        {tile.quality && tile.source === "camera" ? (
          <span className="ml-auto rounded bg-stage-scrim/70 px-1.5 py-1">
            <QualityIndicator quality={tile.quality} />
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
