"use client";

import { Hand, Mic, MicOff, MonitorUp, Video, VideoOff } from "lucide-react";
import type { ReactNode } from "react";
import type { Participant, WaitingParticipant } from "@/lib/signaling";
import { handRaisedAt, isCameraOn, isMicrophoneOn, isReconnecting, isSharingScreen, participantsInListOrder, roleLabel } from "@/lib/meeting-client/state/participant-facts";
import { SidePanel } from "./side-panel";

type Props = {
  participants: readonly Participant[];
  selfId: string | null;
  onClose: () => void;
  /** Host actions for one participant (a menu), when the viewer is a host. */
  hostMenuFor?: (participant: Participant) => ReactNode;
  /** Meeting-wide host actions (lock, end for all), when the viewer is a host. */
  hostControls?: ReactNode;
  /** The waiting room and what a host does with it; absent for everyone else. */
  waitingRoom?: { waiting: readonly WaitingParticipant[]; onAdmit: (id: string) => void; onDeny: (id: string) => void; onAdmitAll: () => void };
};

function WaitingList({ waiting, onAdmit, onDeny, onAdmitAll }: NonNullable<Props["waitingRoom"]>) {
  if (waiting.length === 0) return null;
  return (
    <section aria-labelledby="waiting-list-heading" className="border-b border-line px-4 py-3">
      <div className="flex items-center justify-between gap-2">
        <h3 id="waiting-list-heading" className="text-sm font-semibold">
          Waiting to join ({waiting.length})
        </h3>
        {waiting.length > 1 ? (
          <button type="button" onClick={onAdmitAll} className="rounded-md bg-primary px-2 py-1 text-xs font-semibold text-on-primary hover:bg-primary-hover">
            Admit all
          </button>
        ) : null}
      </div>
      <ul aria-label="Waiting to join" className="mt-2 space-y-1">
        {waiting.map((person) => (
          <li key={person.id} data-testid="waiting-row" data-waiting-name={person.name} className="flex items-center gap-2 text-sm">
            <span className="min-w-0 flex-1 truncate">{person.name}</span>
            <button
              type="button"
              aria-label={`Admit ${person.name}`}
              onClick={() => onAdmit(person.id)}
              className="rounded-md bg-primary px-2 py-1 text-xs font-semibold text-on-primary hover:bg-primary-hover"
            >
              Admit
            </button>
            <button
              type="button"
              aria-label={`Deny ${person.name}`}
              onClick={() => onDeny(person.id)}
              className="rounded-md border border-line-strong px-2 py-1 text-xs font-semibold text-fg hover:bg-surface-muted"
            >
              Deny
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function State({ on, label, onIcon, offIcon }: { on: boolean; label: string; onIcon: ReactNode; offIcon: ReactNode }) {
  return (
    <span role="img" aria-label={label} title={label} className={on ? "text-fg-muted" : "text-danger-fg"}>
      {on ? onIcon : offIcon}
    </span>
  );
}

/** Everyone in the meeting, raised hands first in the order they went up. */
export function ParticipantsPanel({ participants, selfId, onClose, hostMenuFor, hostControls, waitingRoom }: Props) {
  const ordered = participantsInListOrder(participants);
  return (
    <SidePanel id="participants-panel" title={`Participants (${participants.length})`} onClose={onClose}>
      {hostControls}
      {waitingRoom ? <WaitingList {...waitingRoom} /> : null}
      <ul aria-label="Participants" className="flex-1 divide-y divide-line-muted overflow-y-auto px-2">
        {ordered.map((participant) => {
          const raised = handRaisedAt(participant) !== null;
          const microphone = isMicrophoneOn(participant);
          const camera = isCameraOn(participant);
          return (
            <li
              key={participant.id}
              data-testid="participant-row"
              data-participant-name={participant.name}
              data-role={participant.role}
              data-muted={!microphone}
              data-hand={raised}
              className="flex items-center gap-3 px-2 py-2">
              <span aria-hidden className="grid size-8 shrink-0 place-items-center rounded-full bg-primary text-sm font-semibold text-on-primary">
                {participant.name.slice(0, 1).toUpperCase()}
              </span>
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium">
                  {participant.name}
                  {participant.id === selfId ? " (you)" : ""}
                </span>
                <span className="block text-xs text-fg-muted">
                  {[roleLabel(participant), isReconnecting(participant) ? "Reconnecting…" : null, isSharingScreen(participant) ? "Sharing screen" : null]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </span>
              {raised ? (
                <span role="img" aria-label="Hand raised" title="Hand raised" className="text-warning-fg">
                  <Hand aria-hidden className="size-4" />
                </span>
              ) : null}
              {isSharingScreen(participant) ? <MonitorUp aria-hidden className="size-4 text-link" /> : null}
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
