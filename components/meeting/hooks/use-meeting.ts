"use client";

import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { type Notice, noticesFor } from "@/components/meeting/state/meeting-notices";
import { handRaisedAt } from "@/components/meeting/state/participant-facts";
import { type ReceivedGrant, JoinRefusedError, requestJoinGrant } from "@/components/meeting/state/join-grant";
import { warmUpWebRtc } from "@/lib/media/warm-up-webrtc";
import type { ClientMessage, ReactionEmoji, ServerMessage } from "@/lib/signaling";
import { useAnnouncer } from "./use-announcer";
import type { LocalMedia, LocalMediaControls } from "./use-local-media";
import { type ConnectionHandlers, useMeetingConnection } from "./use-meeting-connection";
import { useMeetingView } from "./use-meeting-view";
import { usePeerMesh } from "./use-peer-mesh";
import { useQualityReports } from "./use-quality-reports";

/** Grants are refreshed in the lobby so that Join never waits for one (tokens live 60 s). */
const GRANT_PREFETCH_INTERVAL_MS = 35_000;

/** User Timing marks: click on Join, and the first frame of anyone else's video (DevTools shows both). */
export const JOIN_CLICKED_MARK = "meeting:join-clicked";
export const FIRST_REMOTE_FRAME_MARK = "meeting:first-remote-frame";

type MediaHandle = LocalMedia & LocalMediaControls;

/** The meeting's own toaster (top centre, clear of the control bar); the app's stays for everything else. */
export const MEETING_TOASTER_ID = "meeting";

/** A toast is announced by its own live region; anything else goes to the meeting's announcer. */
function showNotice(notice: Notice, announce: (text: string) => void) {
  if (notice.toast) toast[notice.toast](notice.text, { toasterId: MEETING_TOASTER_ID });
  else announce(notice.text);
}

/**
 * One person's meeting: the lobby's prefetched grant, the signaling connection, the peer mesh, local media
 * published to both, and every action the controls offer. Components only render what it returns.
 */
export function useMeeting(roomId: string, media: MediaHandle) {
  const { state, dispatch, read } = useMeetingView();
  const { entries: announcements, announce } = useAnnouncer();
  const [entered, setEntered] = useState(false);
  const [joining, setJoining] = useState(false);
  const [joinError, setJoinError] = useState<string | null>(null);
  const prefetched = useRef<ReceivedGrant | null>(null);
  const iceServers = useRef<RTCIceServer[]>([]);
  const mediaRef = useRef(media);
  useEffect(() => {
    mediaRef.current = media;
  }, [media]);

  const sendRef = useRef<(message: ClientMessage) => boolean>(() => false);
  const { view: meshView, controls: mesh } = usePeerMesh(useCallback((to, payload) => void sendRef.current({ type: "signal", to, payload }), []));

  const onMessage = useCallback(
    (message: ServerMessage) => {
      const before = read();
      // WebRTC first: the offers, answers and candidates of the join are on the path to the first frame.
      switch (message.type) {
        case "welcome":
          mesh.start(message.self.id, iceServers.current);
          mesh.setReceiveOnly(message.self.role === "observer");
          mesh.syncPeers(message.participants.map((participant) => participant.id));
          break;
        case "participant-left":
          mesh.removePeer(message.participantId);
          break;
        case "signal":
          mesh.handleSignal(message.from, message.payload);
          break;
        case "muted-by-host":
          mediaRef.current.setMicrophoneEnabled(false);
          break;
        case "removed":
        case "ended":
          mesh.stop();
          mediaRef.current.release();
          break;
        default:
          break;
      }
      // Rendering is a transition: it yields to the WebRTC work queued meanwhile.
      startTransition(() => void dispatch({ type: "server", message, at: performance.now() }));
      for (const notice of noticesFor(before, message)) showNotice(notice, announce);
    },
    [announce, dispatch, mesh, read],
  );

  const handlers = useMemo<ConnectionHandlers>(
    () => ({
      onMessage,
      onConnectionLost: () => {
        dispatch({ type: "connection-lost" });
        announce("Connection lost. Reconnecting…");
      },
      onFatal: (message) => {
        mesh.stop();
        mediaRef.current.release();
        dispatch({ type: "failed", message });
      },
    }),
    [announce, dispatch, mesh, onMessage],
  );
  const connection = useMeetingConnection(roomId, handlers);
  const { send } = connection;
  useEffect(() => {
    sendRef.current = send;
  }, [send]);

  // Lobby: keep a fresh grant at hand and WebRTC started up, so that Join goes straight to the socket and media.
  useEffect(() => {
    if (entered) return;
    void warmUpWebRtc();
    const prefetch = () =>
      requestJoinGrant(roomId).then(
        (received) => (prefetched.current = received),
        () => (prefetched.current = null),
      );
    void prefetch();
    const timer = setInterval(prefetch, GRANT_PREFETCH_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [entered, roomId]);

  // Publishing: tracks go to every peer connection; the on/off state goes to the server for everyone's UI.
  const audioTrack = media.microphone.enabled ? media.microphone.track : null;
  const videoTrack = media.camera.enabled ? media.camera.track : null;
  const screenTrack = media.screen;
  useEffect(() => {
    mesh.setLocalMedia({ audio: audioTrack, video: videoTrack, screen: screenTrack });
  }, [mesh, audioTrack, videoTrack, screenTrack]);
  const published = { audio: audioTrack !== null, video: videoTrack !== null, screen: screenTrack !== null };
  useEffect(() => {
    if (state.phase === "in-meeting") send({ type: "media", ...published });
    // `published` is rebuilt every render; its three flags are the real dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [send, state.phase, state.selfId, published.audio, published.video, published.screen]);

  useQualityReports(state.phase === "in-meeting", mesh.readStats, send);

  // A device that fails in the meeting (unplugged, taken by another app, refused on retry) says why; errors
  // already shown in the lobby are not repeated on entering.
  const microphoneError = media.microphone.error?.message;
  const cameraError = media.camera.error?.message;
  const shownDeviceErrors = useRef<(string | undefined)[]>([]);
  useEffect(() => {
    const current = [microphoneError, cameraError];
    if (entered) {
      current.forEach((message, index) => {
        if (message && message !== shownDeviceErrors.current[index]) toast.error(message, { toasterId: MEETING_TOASTER_ID });
      });
    }
    shownDeviceErrors.current = current;
  }, [entered, microphoneError, cameraError]);

  // Closing the tab says goodbye, so others see the person leave at once instead of "reconnecting".
  useEffect(() => {
    if (!entered) return;
    const onPageHide = () => connection.disconnect(true);
    window.addEventListener("pagehide", onPageHide);
    return () => window.removeEventListener("pagehide", onPageHide);
  }, [connection, entered]);

  const joinInFlight = useRef(false);
  const join = useCallback(async () => {
    if (joinInFlight.current) return;
    joinInFlight.current = true;
    performance.clearMarks(JOIN_CLICKED_MARK);
    performance.clearMarks(FIRST_REMOTE_FRAME_MARK);
    performance.mark(JOIN_CLICKED_MARK);
    // The meeting view's first render is the heaviest of all: as a transition it lets the socket open meanwhile.
    startTransition(() => {
      setJoining(true);
      setJoinError(null);
      dispatch({ type: "join-started" });
      setEntered(true);
    });
    try {
      const grant = await connection.connect(prefetched.current);
      prefetched.current = null;
      iceServers.current = grant.iceServers;
    } catch (error) {
      setEntered(false);
      setJoinError(error instanceof JoinRefusedError ? error.message : "Could not join the meeting.");
    } finally {
      joinInFlight.current = false;
      setJoining(false);
    }
  }, [connection, dispatch]);

  const leave = useCallback(() => {
    connection.disconnect(true);
    mesh.stop();
    mediaRef.current.release();
    dispatch({ type: "left" });
  }, [connection, dispatch, mesh]);

  const rejoin = useCallback(() => {
    mediaRef.current.start();
    void join();
  }, [join]);

  const self = state.participants.find((participant) => participant.id === state.selfId) ?? null;
  const handRaised = self ? handRaisedAt(self) !== null : false;

  const actions = useMemo(
    () => ({
      join,
      leave,
      rejoin,
      // A device that failed counts as off, so pressing its button retries it.
      toggleMicrophone: () => {
        const { microphone } = mediaRef.current;
        const on = microphone.enabled && microphone.track !== null;
        mediaRef.current.setMicrophoneEnabled(!on);
        if (microphone.track) announce(on ? "Microphone off" : "Microphone on");
      },
      toggleCamera: () => {
        const { camera } = mediaRef.current;
        const on = camera.enabled && (camera.track !== null || camera.pending);
        mediaRef.current.setCameraEnabled(!on);
        announce(on ? "Camera off" : "Turning camera on");
      },
      toggleScreenShare: async () => {
        if (mediaRef.current.screen) {
          mediaRef.current.stopScreenShare();
          announce("You stopped sharing your screen");
          return;
        }
        const result = await mediaRef.current.startScreenShare();
        if (result.ok) announce("You are sharing your screen");
        else if (result.reason !== "cancelled") toast.error("Screen sharing could not start.", { toasterId: MEETING_TOASTER_ID });
      },
      toggleHand: () => void send({ type: "hand", raised: !handRaised }),
      react: (emoji: ReactionEmoji) => void send({ type: "reaction", emoji }),
      sendChat: (text: string) => send({ type: "chat", text }),
      mute: (participantId: string) => void send({ type: "mute", participantId }),
      remove: (participantId: string) => void send({ type: "remove", participantId }),
      spotlight: (participantId: string | null) => void send({ type: "spotlight", participantId }),
      lock: (locked: boolean) => void send({ type: "lock", locked }),
      endForAll: () => void send({ type: "end" }),
    }),
    [announce, handRaised, join, leave, rejoin, send],
  );

  return { state, dispatch, self, mesh: meshView, entered, joining, joinError, announcements, actions };
}
