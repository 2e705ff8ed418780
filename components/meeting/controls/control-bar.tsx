"use client";

import { Hand, Keyboard, MessageSquare, Mic, MicOff, MonitorUp, MonitorX, PhoneOff, Users, Video, VideoOff } from "lucide-react";
import type { ReactNode } from "react";
import type { LayoutMode } from "@/lib/meeting-client/state/meeting-layout";
import type { ReactionEmoji } from "@/lib/signaling";
import { ControlButton } from "./control-button";
import { HostControlsMenu } from "./host-controls-menu";
import { LayoutMenu } from "./layout-menu";
import { ReactionsPopover } from "./reactions-popover";
import { ToggleButton } from "./toggle-button";

export type ControlBarState = {
  microphoneOn: boolean;
  /** No microphone could be opened (denied, missing): the toggle explains instead of acting. */
  microphoneAvailable: boolean;
  cameraOn: boolean;
  cameraPending: boolean;
  sharingScreen: boolean;
  canShareScreen: boolean;
  handRaised: boolean;
  /**
   * Why this person may not use each publishing control (their meeting role or the room's policy), or null. Such a
   * control stays focusable but `aria-disabled`, its tooltip and description say why, and pressing it says so too.
   */
  blocked: { microphone: string | null; camera: string | null; screen: string | null };
  connected: boolean;
  panel: "chat" | "participants" | null;
  unreadChat: number;
  participantCount: number;
  /** People in the waiting room (hosts only; 0 for everyone else). */
  waitingCount: number;
  layoutMode: LayoutMode;
  host: { locked: boolean; spotlightName: string | null; raisedHands: number; recording: { active: boolean } | null } | null;
};

export type ControlBarActions = {
  toggleMicrophone: () => void;
  toggleCamera: () => void;
  toggleScreenShare: () => void;
  toggleHand: () => void;
  react: (emoji: ReactionEmoji) => void;
  toggleChat: () => void;
  toggleParticipants: () => void;
  setLayout: (mode: LayoutMode) => void;
  showShortcuts: () => void;
  leave: () => void;
  lock: (locked: boolean) => void;
  record: (on: boolean) => void;
  muteAll: (exceptPresenters: boolean) => void;
  lowerHands: () => void;
  clearSpotlight: () => void;
  endForAll: () => void;
};

const countText = (count: number) => (count > 99 ? "99+" : String(count));

function CountBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span aria-hidden data-testid="unread-badge" className="absolute -top-1 -right-1 grid h-5 min-w-5 place-items-center rounded-full bg-danger px-1 text-[11px] font-bold text-stage-fg">
      {countText(count)}
    </span>
  );
}

/** The meeting's controls: media and hand on the left-centre, panels and layout next, leave last. Wraps on phones. */
export function ControlBar({ state, actions, devices }: { state: ControlBarState; actions: ControlBarActions; devices: ReactNode }) {
  const icon = "size-5";
  return (
    <div role="toolbar" aria-label="Meeting controls" className="flex flex-wrap items-center justify-center gap-2 px-2 py-2 sm:gap-3">
      <ToggleButton
        label="Microphone"
        pressed={state.microphoneOn}
        alarmWhenOff
        aria-disabled={state.blocked.microphone !== null || undefined}
        description={state.blocked.microphone ?? undefined}
        hint={state.blocked.microphone ?? (!state.microphoneAvailable ? "No microphone available" : state.microphoneOn ? "Mute (M)" : "Unmute (M)")}
        icon={state.microphoneOn ? <Mic aria-hidden className={icon} /> : <MicOff aria-hidden className={icon} />}
        onClick={actions.toggleMicrophone}
      />
      <ToggleButton
        label="Camera"
        pressed={state.cameraOn}
        alarmWhenOff
        disabled={state.cameraPending}
        aria-disabled={state.blocked.camera !== null || undefined}
        description={state.blocked.camera ?? undefined}
        hint={state.blocked.camera ?? (state.cameraOn ? "Turn off camera (V)" : "Turn on camera (V)")}
        icon={state.cameraOn ? <Video aria-hidden className={icon} /> : <VideoOff aria-hidden className={icon} />}
        onClick={actions.toggleCamera}
      />
      {state.canShareScreen ? (
        <ToggleButton
          label="Share screen"
          pressed={state.sharingScreen}
          disabled={!state.connected}
          aria-disabled={state.blocked.screen !== null || undefined}
          description={state.blocked.screen ?? undefined}
          hint={state.blocked.screen ?? (state.sharingScreen ? "Stop sharing (S)" : "Share your screen (S)")}
          icon={state.sharingScreen ? <MonitorX aria-hidden className={icon} /> : <MonitorUp aria-hidden className={icon} />}
          onClick={actions.toggleScreenShare}
        />
      ) : null}
      <ToggleButton
        label="Raise hand"
        pressed={state.handRaised}
        disabled={!state.connected}
        hint={state.handRaised ? "Lower hand (H)" : "Raise hand (H)"}
        icon={<Hand aria-hidden className={icon} />}
        onClick={actions.toggleHand}
      />
      <ReactionsPopover onReact={actions.react} disabled={!state.connected} />
      <ToggleButton
        label="Chat"
        pressed={state.panel === "chat"}
        hint="Chat (C)"
        icon={<MessageSquare aria-hidden className={icon} />}
        // Only while the panel exists: an id that points nowhere is an invalid ARIA value.
        aria-controls={state.panel === "chat" ? "chat-panel" : undefined}
        description={state.unreadChat > 0 ? `${state.unreadChat} unread ${state.unreadChat === 1 ? "message" : "messages"}` : undefined}
        badge={<CountBadge count={state.unreadChat} />}
        badgeText={state.unreadChat > 0 ? countText(state.unreadChat) : undefined}
        onClick={actions.toggleChat}
      />
      <ToggleButton
        label="Participants"
        pressed={state.panel === "participants"}
        hint="Participants (P)"
        icon={<Users aria-hidden className={icon} />}
        aria-controls={state.panel === "participants" ? "participants-panel" : undefined}
        description={`${state.participantCount} in the meeting${state.waitingCount > 0 ? `, ${state.waitingCount} waiting to join` : ""}`}
        badgeText={`${state.participantCount}${state.waitingCount > 0 ? ` +${state.waitingCount}` : ""}`}
        badge={
          <>
            <span aria-hidden className="absolute -top-1 -right-1 grid h-5 min-w-5 place-items-center rounded-full bg-stage-muted px-1 text-[11px] font-bold text-stage-fg">
              {state.participantCount}
            </span>
            {state.waitingCount > 0 ? (
              <span aria-hidden data-testid="waiting-badge" className="absolute -top-1 -left-1 grid h-5 min-w-5 place-items-center rounded-full bg-warning px-1 text-[11px] font-bold text-on-warning">
                +{state.waitingCount}
              </span>
            ) : null}
          </>
        }
        onClick={actions.toggleParticipants}
      />
      <LayoutMenu mode={state.layoutMode} onChange={actions.setLayout} />
      {devices}
      {state.host ? (
        <HostControlsMenu
          locked={state.host.locked}
          spotlightName={state.host.spotlightName}
          raisedHands={state.host.raisedHands}
          recording={state.host.recording}
          onRecord={actions.record}
          onLock={actions.lock}
          onMuteAll={actions.muteAll}
          onLowerHands={actions.lowerHands}
          onClearSpotlight={actions.clearSpotlight}
          onEndForAll={actions.endForAll}
        />
      ) : null}
      <ControlButton label="Keyboard shortcuts" hint="Keyboard shortcuts (?)" icon={<Keyboard aria-hidden className={icon} />} onClick={actions.showShortcuts} hideOnPhone />
      <ControlButton label="Leave" hint="Leave the meeting" tone="danger" icon={<PhoneOff aria-hidden className={icon} />} onClick={actions.leave} className="sm:ml-2" />
    </div>
  );
}
