"use client";

import { Hand, Mic, MicOff, MonitorUp, Video, VideoOff } from "lucide-react";
import type { ReactNode } from "react";
import type { Participant } from "@/lib/signaling";
import { handRaisedAt, isCameraOn, isHost, isMicrophoneOn, isReconnecting, isSharingScreen, participantsInListOrder } from "@/components/meeting/state/participant-facts";
import { SidePanel } from "./side-panel";

type Props = {
  participants: readonly Participant[];
  selfId: string | null;
  onClose: () => void;
  /** Host actions for one participant (a menu), when the viewer is a host. */
  hostMenuFor?: (participant: Participant) => ReactNode;
  /** Meeting-wide host actions (lock, end for all), when the viewer is a host. */
  hostControls?: ReactNode;
};

function State({ on, label, onIcon, offIcon }: { on: boolean; label: string; onIcon: ReactNode; offIcon: ReactNode }) {
  return (
    <span role="img" aria-label={label} title={label} className={on ? "text-slate-700" : "text-red-600"}>
      {on ? onIcon : offIcon}
    </span>
  );
}

/** Everyone in the meeting, raised hands first in the order they went up. */
export function ParticipantsPanel({ participants, selfId, onClose, hostMenuFor, hostControls }: Props) {
  const ordered = participantsInListOrder(participants);
  return (
    <SidePanel id="participants-panel" title={`Participants (${participants.length})`} onClose={onClose}>
      {hostControls}
      <ul aria-label="Participants" className="flex-1 divide-y divide-slate-100 overflow-y-auto px-2">
        {ordered.map((participant) => {
          const raised = handRaisedAt(participant) !== null;
          const microphone = isMicrophoneOn(participant);
          const camera = isCameraOn(participant);
          return (
            <li key={participant.id} data-testid="participant-row" data-participant-name={participant.name} data-muted={!microphone} data-hand={raised} className="flex items-center gap-3 px-2 py-2">
              <span aria-hidden className="grid size-8 shrink-0 place-items-center rounded-full bg-brand-700 text-sm font-semibold text-white">
                {participant.name.slice(0, 1).toUpperCase()}
              </span>
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium">
                  {participant.name}
                  {participant.id === selfId ? " (you)" : ""}
                </span>
                <span className="block text-xs text-slate-600">
                  {[isHost(participant) ? "Host" : null, isReconnecting(participant) ? "Reconnecting…" : null, isSharingScreen(participant) ? "Sharing screen" : null]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </span>
              {raised ? (
                <span role="img" aria-label="Hand raised" title="Hand raised" className="text-amber-600">
                  <Hand aria-hidden className="size-4" />
                </span>
              ) : null}
              {isSharingScreen(participant) ? <MonitorUp aria-hidden className="size-4 text-brand-700" /> : null}
              <State on={microphone} label={microphone ? "Microphone on" : "Microphone off"} onIcon={<Mic aria-hidden className="size-4" />} offIcon={<MicOff aria-hidden className="size-4" />} />
              <State on={camera} label={camera ? "Camera on" : "Camera off"} onIcon={<Video aria-hidden className="size-4" />} offIcon={<VideoOff aria-hidden className="size-4" />} />
              {participant.id !== selfId ? hostMenuFor?.(participant) : null}
            </li>
          );
        })}
      </ul>
    </SidePanel>
  );
}
