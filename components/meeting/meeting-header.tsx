"use client";

import { Lock, ShieldCheck, VideoOff, WifiOff } from "lucide-react";
import type { ReactNode } from "react";
import type { MeetingViewState } from "@/lib/meeting-client/state/meeting-view-state";

type Props = {
  /** The organization's display name (its branding). */
  orgName: string;
  roomName: string;
  /** "Host", "Observer"…; null before joining. */
  ownRole: string | null;
  locked: boolean;
  phase: MeetingViewState["phase"];
  /** Set while video is paused for a weak link: pressing "Show video" calls it. */
  audioOnly: (() => void) | null;
  recording: ReactNode;
};

/** The status line above the videos: room, own role, REC, lock, audio-only and connection state. */
export function MeetingHeader({ orgName, roomName, ownRole, locked, phase, audioOnly, recording }: Props) {
  return (
    <header className="flex items-center gap-3 px-4 py-2 text-sm">
      <span data-testid="meeting-org" className="hidden shrink-0 text-xs text-stage-fg-muted sm:inline">
        {orgName} Meet
      </span>
      <h1 className="truncate font-semibold">{roomName}</h1>
      {ownRole ? (
        <span data-testid="own-role" className="flex items-center gap-1 rounded bg-stage-raised px-2 py-0.5 text-xs">
          <ShieldCheck aria-hidden className="size-3.5" /> You&apos;re {ownRole === "Observer" ? "an" : "a"} {ownRole.toLowerCase()}
        </span>
      ) : null}
      {recording}
      {locked ? (
        <span className="flex items-center gap-1 rounded bg-stage-raised px-2 py-0.5 text-xs">
          <Lock aria-hidden className="size-3.5" /> Locked
        </span>
      ) : null}
      {audioOnly ? (
        <span data-testid="audio-only" className="flex items-center gap-2 rounded bg-stage-raised px-2 py-0.5 text-xs">
          <VideoOff aria-hidden className="size-3.5" /> Audio only
          <button type="button" onClick={audioOnly} className="underline underline-offset-2 hover:text-stage-fg">
            Show video
          </button>
        </span>
      ) : null}
      <span role="status" className="ml-auto flex items-center gap-2 text-xs text-stage-fg-muted">
        {phase === "connecting" ? "Connecting…" : null}
        {phase === "reconnecting" ? (
          <span className="flex items-center gap-1 rounded bg-warning px-2 py-0.5 font-medium text-on-warning">
            <WifiOff aria-hidden className="size-3.5" /> Reconnecting… media continues meanwhile
          </span>
        ) : null}
      </span>
    </header>
  );
}
