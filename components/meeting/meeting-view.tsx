"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast, Toaster } from "sonner";
import { ControlBar, type ControlBarState } from "@/components/meeting/controls/control-bar";
import { DevicesDialog } from "@/components/meeting/controls/devices-dialog";
import { HostParticipantMenu } from "@/components/meeting/controls/host-participant-menu";
import { useChatUploads } from "@/components/meeting/hooks/use-chat-uploads";
import { useClientCapabilities } from "@/components/meeting/hooks/use-client-capabilities";
import { useKeyboardShortcuts } from "@/components/meeting/hooks/use-keyboard-shortcuts";
import { useMutedSpeechHint } from "@/components/meeting/hooks/use-muted-speech-hint";
import type { MeetingMedia } from "@/components/meeting/hooks/use-meeting-media";
import { FIRST_REMOTE_FRAME_MARK, MEETING_TOASTER_ID, type useMeeting } from "@/components/meeting/hooks/use-meeting";
import { FloatingReactions } from "@/components/meeting/stage/floating-reactions";
import { RemoteAudio } from "@/components/meeting/stage/remote-audio";
import type { TileModel } from "@/components/meeting/stage/tile-model";
import { buildLayout } from "@/components/meeting/state/build-tiles";
import { tileSubstreams } from "@/lib/domain/simulcast";
import { MAX_CHAT_TEXT_LENGTH, type Participant } from "@/lib/signaling";
import type { ShortcutAction } from "@/components/meeting/state/shortcuts";
import { isMicrophoneOn, isSharingScreen, roleLabel } from "@/lib/meeting-client/state/participant-facts";
import { whyNot } from "@/lib/domain/meeting-permissions";
import { useMeetingRecorder } from "@/components/meeting/hooks/use-meeting-recorder";
import { useOffScreenCameras } from "@/components/meeting/hooks/use-off-screen-cameras";
import { RecordingBadge } from "@/components/meeting/recording/recording-badge";
import { recordingSceneOf } from "@/components/meeting/state/recording-scene-input";
import type { CaptureProfile } from "@/lib/media/capture-profiles";
import { RECORDING_FORMATS } from "@/lib/recording/recording-format";
import { LiveAnnouncer } from "./live-announcer";
import { MeetingHeader } from "./meeting-header";
import { MeetingStage } from "./meeting-stage";
import { preloadWhenIdle } from "./preload-when-idle";

type Props = {
  meeting: ReturnType<typeof useMeeting>;
  media: MeetingMedia;
  roomId: string;
  orgName: string;
  roomName: string;
  selfName: string;
  /** The camera's capture profile; the recording's size follows it. */
  profile: CaptureProfile;
  /** The largest file chat takes (FILE_UPLOAD_MAX_BYTES), checked here before a byte is sent. */
  uploadLimitBytes: number;
};

const PENDING_SELF_ID = "self";

// Opened on demand: the chat (with its markdown renderer), the participants list and the shortcuts dialog load
// after the meeting's first render, in its idle time, not with the stage and the controls.
const loadChatPanel = () => import("@/components/meeting/panels/chat-panel").then((module) => module.ChatPanel);
const loadParticipantsPanel = () => import("@/components/meeting/panels/participants-panel").then((module) => module.ParticipantsPanel);
const ChatPanel = dynamic(loadChatPanel, { ssr: false });
const ParticipantsPanel = dynamic(loadParticipantsPanel, { ssr: false });
const ShortcutsDialog = dynamic(() => import("@/components/meeting/controls/shortcuts-dialog").then((module) => module.ShortcutsDialog), { ssr: false });
const preloadPanels = () => Promise.all([loadChatPanel(), loadParticipantsPanel()]);

const showRecordingError = (message: string) => toast.error(message, { toasterId: MEETING_TOASTER_ID, id: "recording-error" });

/** The meeting itself, over the whole viewport: status line, videos (and a side panel), controls. */
export function MeetingView({ meeting, media, roomId, orgName, roomName, selfName, profile, uploadLimitBytes }: Props) {
  const { state, dispatch, self, actions, rights } = meeting;
  const chatUploads = useChatUploads(roomId, uploadLimitBytes);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const capabilities = useClientCapabilities();
  const isHost = self?.role === "host";
  const connected = state.phase === "in-meeting";
  const microphoneOn = media.microphone.enabled && media.microphone.track !== null;
  const cameraOn = media.camera.enabled && media.camera.track !== null;
  // Someone who may not unmute is not nagged about it.
  const talkingWhileMuted = useMutedSpeechHint(media.microphone.track, !media.microphone.enabled && rights.audio === null);
  const chatBlocked = self ? whyNot(self.role, "chat", state.room.policy) : null;
  const ownRole = self ? roleLabel(self) : null;
  useEffect(() => preloadWhenIdle(preloadPanels), []);

  const layout = useMemo(
    () =>
      buildLayout({
        self: {
          id: state.selfId ?? PENDING_SELF_ID,
          name: self?.name ?? selfName,
          isHost,
          cameraTrack: cameraOn ? media.camera.track : null,
          screenTrack: media.screen,
          microphoneOn,
          handRaised: self?.hand.raised ?? false,
          reconnecting: state.phase === "reconnecting",
        },
        participants: state.participants,
        remoteTracks: meeting.mesh.tracks,
        peerStates: meeting.mesh.connectionStates,
        // A link still being set up rates as "lost"; it says nothing about quality until it first connects.
        peerQuality: Object.fromEntries(
          Object.entries(meeting.mesh.ratings)
            .filter(([id]) => meeting.mesh.connectionStates[id] === "connected")
            .map(([id, rating]) => [id, rating.quality]),
        ),
        speaking: meeting.mesh.speaking,
        activeSpeakerId: meeting.mesh.activeSpeakerId,
        screenSince: state.screenSince,
        layoutMode: state.layoutMode,
        pinned: state.pinned,
        spotlightId: state.room.spotlight,
      }),
    [state, self, selfName, isHost, cameraOn, microphoneOn, media.camera.track, media.screen, meeting.mesh],
  );

  // Through the SFU each camera comes in the layer its tile needs: the stage high, thumbnails low.
  const tileLayers = tileSubstreams(layout);
  const tileLayersKey = JSON.stringify(tileLayers);
  const { setTileSubstreams } = meeting;
  useEffect(
    () => setTileSubstreams(tileLayers),
    // The layout is rebuilt with every speaking level; the layers it asks for change far less often.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [setTileSubstreams, tileLayersKey],
  );
  // Tiles scrolled out of view are paused at the SFU until they are seen again.
  const videos = useRef<HTMLElement>(null);
  useOffScreenCameras(videos, meeting.setHiddenCameras);

  const recordingScene = useMemo(
    () => recordingSceneOf(layout, [microphoneOn ? media.microphone.track : null, ...Object.values(meeting.mesh.tracks).map((tracks) => tracks.audio)]),
    [layout, microphoneOn, media.microphone.track, meeting.mesh.tracks],
  );
  const ownRecording = useMeetingRecorder({
    recording: state.room.recording,
    selfId: state.selfId,
    roomId,
    format: RECORDING_FORMATS[profile],
    scene: recordingScene,
    onError: showRecordingError,
  });

  const participantById = useCallback((id: string) => state.participants.find((participant) => participant.id === id), [state.participants]);

  const hostMenu = (participant: Participant, tone: "on-video" | "on-panel") =>
    isHost ? (
      <HostParticipantMenu
        name={participant.name}
        role={participant.role}
        onSetRole={(role) => actions.setRole(participant.id, role)}
        tone={tone}
        microphoneOn={isMicrophoneOn(participant)}
        spotlit={state.room.spotlight === participant.id}
        onMute={() => actions.mute(participant.id)}
        onAskUnmute={() => actions.askUnmute(participant.id)}
        sharingScreen={isSharingScreen(participant)}
        onStopShare={() => actions.stopShare(participant.id)}
        onSpotlight={(on) => actions.spotlight(on ? participant.id : null)}
        onRemove={() => actions.remove(participant.id)}
      />
    ) : null;

  const onShortcut = (action: ShortcutAction) => {
    switch (action) {
      case "toggle-microphone":
        return actions.toggleMicrophone();
      case "toggle-camera":
        return actions.toggleCamera();
      case "toggle-screen-share":
        return capabilities.shareScreen ? void actions.toggleScreenShare() : undefined;
      case "toggle-hand":
        return actions.toggleHand();
      case "toggle-chat":
        return dispatch({ type: "panel-toggled", panel: "chat" });
      case "toggle-participants":
        return dispatch({ type: "panel-toggled", panel: "participants" });
      case "cycle-layout":
        return dispatch({ type: "layout-cycled" });
      case "show-shortcuts":
        return setShortcutsOpen(true);
    }
  };
  useKeyboardShortcuts(!shortcutsOpen, onShortcut);

  const spotlightName = state.room.spotlight ? (participantById(state.room.spotlight)?.name ?? null) : null;
  const controlState: ControlBarState = {
    microphoneOn,
    microphoneAvailable: media.microphone.track !== null,
    cameraOn,
    cameraPending: media.camera.pending,
    sharingScreen: media.screen !== null,
    canShareScreen: capabilities.shareScreen,
    handRaised: self?.hand.raised ?? false,
    blocked: { microphone: rights.audio, camera: rights.video, screen: rights.screen },
    connected,
    panel: state.panel,
    unreadChat: state.unreadChat,
    participantCount: Math.max(1, state.participants.length),
    waitingCount: isHost ? state.waiting.length : 0,
    layoutMode: state.layoutMode,
    host: isHost
      ? {
          locked: state.room.locked,
          spotlightName,
          raisedHands: state.participants.filter((participant) => participant.hand.raised).length,
          recording: state.room.policy.recording === "off" ? null : { active: state.room.recording !== null },
        }
      : null,
  };

  const markFirstRemoteFrame = useCallback(() => {
    if (performance.getEntriesByName(FIRST_REMOTE_FRAME_MARK).length === 0) performance.mark(FIRST_REMOTE_FRAME_MARK);
  }, []);

  return (
    <div className="fixed inset-0 z-40 flex flex-col bg-stage text-stage-fg" data-testid="meeting" data-phase={state.phase} data-media-path={meeting.route.carrier} data-media-switching={meeting.route.switching}>
      <Toaster id={MEETING_TOASTER_ID} position="top-center" richColors closeButton={false} visibleToasts={3} />
      <MeetingHeader
        orgName={orgName}
        roomName={roomName}
        ownRole={ownRole}
        locked={state.room.locked}
        phase={state.phase}
        audioOnly={meeting.audioOnly ? meeting.showVideo : null}
        recording={<RecordingBadge recording={state.room.recording} recorderName={state.room.recording ? (participantById(state.room.recording.by)?.name ?? null) : null} own={ownRecording} />}
      />

      <main id="main" className="relative flex min-h-0 flex-1 gap-2 px-2">
        <section ref={videos} aria-label="Meeting videos" className="relative min-h-0 min-w-0 flex-1">
          <MeetingStage
            layout={layout}
            onTogglePin={(tile: TileModel) => dispatch({ type: "pin-toggled", tile: { participantId: tile.participantId, source: tile.source } })}
            hostMenuFor={(tile: TileModel) => {
              const participant = participantById(tile.participantId);
              return participant && tile.source === "camera" ? hostMenu(participant, "on-video") : null;
            }}
            onFirstRemoteFrame={markFirstRemoteFrame}
          />
          <FloatingReactions
            reactions={state.reactions}
            nameOf={(id) => (id === state.selfId ? "You" : (participantById(id)?.name ?? ""))}
            onDone={(id) => dispatch({ type: "reaction-expired", id })}
          />
        </section>
        {state.panel === "chat" ? (
          <ChatPanel
            messages={state.chat}
            selfId={state.selfId}
            maxLength={MAX_CHAT_TEXT_LENGTH}
            canSend={connected}
            blockedReason={chatBlocked}
            onSend={actions.sendChat}
            onClose={() => dispatch({ type: "panel-closed" })}
            uploads={chatUploads.uploads}
            uploadList={chatUploads.list}
          />
        ) : null}
        {state.panel === "participants" ? (
          <ParticipantsPanel
            participants={state.participants}
            selfId={state.selfId}
            onClose={() => dispatch({ type: "panel-closed" })}
            hostMenuFor={isHost ? (participant) => hostMenu(participant, "on-panel") : undefined}
            waitingRoom={
              isHost ? { waiting: state.waiting, onAdmit: actions.admit, onDeny: actions.deny, onAdmitAll: actions.admitAll } : undefined
            }
          />
        ) : null}
      </main>

      <footer className="relative">
        {talkingWhileMuted ? (
          <p role="status" className="absolute -top-11 left-1/2 flex -translate-x-1/2 items-center gap-2 rounded-full bg-stage-raised py-1.5 pr-1.5 pl-4 text-sm whitespace-nowrap shadow-lg">
            You&apos;re muted
            <button type="button" onClick={actions.toggleMicrophone} className="rounded-full bg-primary px-3 py-1 font-medium hover:bg-primary-hover">
              Unmute (M)
            </button>
          </p>
        ) : null}
        <ControlBar
          state={controlState}
          devices={<DevicesDialog media={media} connection={{ readStats: meeting.readStats, nameOf: (id) => participantById(id)?.name ?? "Someone who left" }} />}
          actions={{
            toggleMicrophone: actions.toggleMicrophone,
            toggleCamera: actions.toggleCamera,
            toggleScreenShare: () => void actions.toggleScreenShare(),
            toggleHand: actions.toggleHand,
            react: actions.react,
            toggleChat: () => dispatch({ type: "panel-toggled", panel: "chat" }),
            toggleParticipants: () => dispatch({ type: "panel-toggled", panel: "participants" }),
            setLayout: (mode) => dispatch({ type: "layout-chosen", mode }),
            showShortcuts: () => setShortcutsOpen(true),
            leave: actions.leave,
            lock: actions.lock,
            record: actions.record,
            muteAll: actions.muteAll,
            lowerHands: actions.lowerHands,
            clearSpotlight: () => actions.spotlight(null),
            endForAll: actions.endForAll,
          }}
        />
      </footer>

      {Object.entries(meeting.mesh.tracks).map(([participantId, tracks]) =>
        tracks.audio ? <RemoteAudio key={participantId} participantId={participantId} track={tracks.audio} speakerId={media.speakerId} /> : null,
      )}
      <ShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
      <LiveAnnouncer entries={meeting.announcements} />
    </div>
  );
}
