"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { MEETING_TOASTER_ID, showMeetingPrompt } from "@/components/meeting/meeting-prompts";
import { meetingActions } from "@/lib/meeting-client/meeting-actions";
import { MeetingSession } from "@/lib/meeting-client/meeting-session";
import { publishedTracks, type SessionMedia } from "@/lib/meeting-client/session-media";
import { JOIN_MARKS } from "@/lib/meeting-client/state/join-timeline";
import { handRaisedAt } from "@/lib/meeting-client/state/participant-facts";
import { withoutCameras } from "@/lib/meeting-client/state/quality-suggestion-input";
import type { MeetingViewEvent } from "@/lib/meeting-client/state/meeting-view-state";
import { warmUpWebRtc } from "@/lib/media/warm-up-webrtc";
import { useAnnouncer } from "./use-announcer";
import { useFeatureEvents } from "./use-feature-events";
import type { MeetingMedia } from "./use-meeting-media";
import { useQualityReports } from "./use-quality-reports";
import { useQualitySuggestion } from "./use-quality-suggestion";
import { useStore, useStoreInTransitions } from "./use-store";

export { MEETING_TOASTER_ID };

/** User Timing marks: click on Join, and the first frame of anyone else's video (the rest: join-timeline.ts). */
export const JOIN_CLICKED_MARK = JOIN_MARKS.clicked;
export const FIRST_REMOTE_FRAME_MARK = JOIN_MARKS.firstRemoteFrame;

function sessionMediaOf(media: MeetingMedia): SessionMedia {
  return { ...media, resumeAudio: () => media.effects.resumeAudio() };
}

/**
 * Binds one person's meeting (lib/meeting-client/meeting-session.ts) to React: its stores as state, its prompts
 * as toasts and announcements, and the person's devices, quality choice and suggestion fed into it.
 */
export function useMeeting(roomId: string, media: MeetingMedia) {
  const [session] = useState(() => new MeetingSession({ roomId, media: sessionMediaOf(media), warmUp: warmUpWebRtc }));
  const { entries: announcements, announce } = useAnnouncer();
  const actions = useMemo(() => meetingActions(session), [session]);
  const { value: state, refresh } = useStoreInTransitions(session.view);
  const { value: status } = useStoreInTransitions(session.status);
  const transportView = useStore(session.transport.view);
  const route = useStore(session.transport.route);
  const { transport, send } = session;

  useEffect(() => session.setMedia(sessionMediaOf(media)), [session, media]);
  useEffect(
    () =>
      session.prompts.on("prompt", (prompt) =>
        showMeetingPrompt(prompt, { announce, admit: actions.admit, deny: actions.deny, unmute: () => session.currentMedia.setMicrophoneEnabled(true) }),
      ),
    [session, actions, announce],
  );
  useEffect(() => () => session.dispose(), [session]);
  useEffect(() => (status.entered ? undefined : session.enterLobby()), [session, status.entered]);

  // Closing the tab says goodbye, so others see the person leave at once instead of "reconnecting".
  useEffect(() => {
    if (!status.entered) return;
    const onPageHide = () => session.dispose();
    window.addEventListener("pagehide", onPageHide);
    return () => window.removeEventListener("pagehide", onPageHide);
  }, [session, status.entered]);

  /** Panels, layout and pins change from the person's own clicks: those render at once, not as a transition. */
  const dispatch = useCallback(
    (event: MeetingViewEvent) => {
      session.dispatch(event);
      refresh();
    },
    [session, refresh],
  );

  const self = state.participants.find((participant) => participant.id === state.selfId) ?? null;
  const rights = session.rights();
  const tracks = publishedTracks(rights, sessionMediaOf(media));
  const published = { audio: tracks.audio !== null, video: tracks.video !== null, screen: tracks.screen !== null };

  useQualityReports(state.phase === "in-meeting", transport.readStats, send);
  // The person's quality choice caps what goes out and what is asked for; "audio only" adds to the suggestion's.
  const { send: sendQuality, receive: receiveQuality, setReceive: setReceiveQuality } = media.quality;
  useEffect(() => transport.setQuality({ send: sendQuality, receive: receiveQuality }), [transport, sendQuality, receiveQuality]);
  const chosenAudioOnly = receiveQuality === "audio-only";
  const receiveCameras = useCallback((receive: boolean) => transport.setReceiveCameras(receive && !chosenAudioOnly), [transport, chosenAudioOnly]);
  const suggestion = useQualitySuggestion(
    {
      active: state.phase === "in-meeting" || state.phase === "reconnecting",
      readStats: transport.readStats,
      sendingVideo: published.video,
      toasterId: MEETING_TOASTER_ID,
      announce,
      turnOffCamera: () => session.currentMedia.setCameraEnabled(false),
      cameraTrack: () => media.cameraSource,
    },
    receiveCameras,
  );
  const audioOnly = suggestion.audioOnly || chosenAudioOnly;
  const showVideo = useCallback(() => {
    if (chosenAudioOnly) setReceiveQuality("auto");
    suggestion.showVideo();
  }, [chosenAudioOnly, setReceiveQuality, suggestion]);
  // Audio only (chosen, or a quality suggestion the person applied): others' cameras are no longer shown.
  const shownMedia = useMemo(() => (audioOnly ? { ...transportView, tracks: withoutCameras(transportView.tracks) } : transportView), [audioOnly, transportView]);
  useFeatureEvents(
    state.phase === "in-meeting",
    self ? { ...published, handRaised: handRaisedAt(self) !== null, layout: state.layoutMode, effects: media.effects.settings } : null,
    send,
  );
  useDeviceErrorToasts(status.entered, media);
  const setTileSubstreams = useCallback((tiles: Readonly<Record<string, number>>) => transport.setTileSubstreams(tiles), [transport]);
  const setHiddenCameras = useCallback((participantIds: ReadonlySet<string>) => transport.setHiddenCameras(participantIds), [transport]);

  return {
    state,
    dispatch,
    self,
    rights,
    mesh: shownMedia,
    route,
    readStats: transport.readStats,
    setTileSubstreams,
    setHiddenCameras,
    audioOnly,
    showVideo,
    entered: status.entered,
    joining: status.joining,
    joinError: status.joinError,
    announcements,
    actions,
  };
}

/**
 * A device that fails in the meeting (unplugged, taken by another app, refused on retry) says why; errors already
 * shown in the lobby are not repeated on entering.
 */
function useDeviceErrorToasts(entered: boolean, media: MeetingMedia) {
  const microphoneError = media.microphone.error?.message;
  const cameraError = media.camera.error?.message;
  const shown = useRef<(string | undefined)[]>([]);
  useEffect(() => {
    const current = [microphoneError, cameraError];
    if (entered) {
      current.forEach((message, index) => {
        if (message && message !== shown.current[index]) toast.error(message, { toasterId: MEETING_TOASTER_ID });
      });
    }
    shown.current = current;
  }, [entered, microphoneError, cameraError]);
}
