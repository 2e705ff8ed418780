"use client";

import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { type Notice, noticesFor } from "@/components/meeting/state/meeting-notices";
import { handRaisedAt } from "@/components/meeting/state/participant-facts";
import { JOIN_MARKS } from "@/components/meeting/state/join-timeline";
import { type ReceivedGrant, JoinRefusedError, requestJoinGrant } from "@/components/meeting/state/join-grant";
import { warmUpWebRtc } from "@/lib/media/warm-up-webrtc";
import type { ClientMessage, MeetingRole, ReactionEmoji, ServerMessage, StoredChatFile, WaitingParticipant } from "@/lib/signaling";
import type { RoomPolicy } from "@/lib/domain/room-policy";
import { playKnockSound } from "@/components/meeting/knock-sound";
import { type MediaRights, mediaRights, publishesNothing } from "@/components/meeting/state/media-rights";
import { useAnnouncer } from "./use-announcer";
import type { MeetingMedia } from "./use-meeting-media";
import { type ConnectionHandlers, useMeetingConnection } from "./use-meeting-connection";
import { useMeetingView } from "./use-meeting-view";
import { useMediaTransport } from "./use-media-transport";
import { useFeatureEvents } from "./use-feature-events";
import { useQualityReports } from "./use-quality-reports";
import { useQualitySuggestion } from "./use-quality-suggestion";
import { withoutCameras } from "@/components/meeting/state/quality-suggestion-input";

/**
 * Grants are refreshed in the lobby so that Join never waits for one (tokens live 60 s), and each opens the lobby's
 * next socket, so one never nears the server's 30 s hello timeout (see use-meeting-connection.ts).
 */
const GRANT_PREFETCH_INTERVAL_MS = 20_000;

/** User Timing marks: click on Join, and the first frame of anyone else's video (the rest: join-timeline.ts). */
export const JOIN_CLICKED_MARK = JOIN_MARKS.clicked;
export const FIRST_REMOTE_FRAME_MARK = JOIN_MARKS.firstRemoteFrame;

type MediaHandle = MeetingMedia;

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
  const iceTransportPolicy = useRef<RTCIceTransportPolicy>("all");
  const mediaRef = useRef(media);
  useEffect(() => {
    mediaRef.current = media;
  }, [media]);

  const sendRef = useRef<(message: ClientMessage) => boolean>(() => false);

  /**
   * Turns off locally whatever this person may no longer publish (joined as an observer, demoted, stricter policy):
   * the server refuses such media anyway, and the devices' lights should go off with it.
   */
  const enforceRights = useCallback((role: MeetingRole, policy: RoomPolicy) => {
    const rights = mediaRights(role, policy);
    const current = mediaRef.current;
    if (rights.audio && current.microphone.enabled) current.setMicrophoneEnabled(false);
    if (rights.video && current.camera.enabled) current.setCameraEnabled(false);
    if (rights.screen && current.screen) current.stopScreenShare();
    return rights;
  }, []);

  /** Someone knocked: a toast with Admit / Deny, a short chime, and the announcer for screen readers. */
  const notifyKnock = useCallback(
    (participant: WaitingParticipant) => {
      playKnockSound();
      toast.info(`${participant.name} wants to join`, {
        toasterId: MEETING_TOASTER_ID,
        id: `knock-${participant.id}`,
        duration: 20_000,
        action: { label: "Admit", onClick: () => void sendRef.current({ type: "admit", participantId: participant.id }) },
        cancel: { label: "Deny", onClick: () => void sendRef.current({ type: "deny", participantId: participant.id }) },
      });
      announce(`${participant.name} is waiting to join. Admit or deny them from the participants list.`);
    },
    [announce],
  );
  const { view: meshView, controls: mesh } = useMediaTransport(roomId, useCallback((to, payload) => void sendRef.current({ type: "signal", to, payload }), []));

  const onMessage = useCallback(
    (message: ServerMessage) => {
      const before = read();
      // WebRTC first: the offers, answers and candidates of the join are on the path to the first frame.
      switch (message.type) {
        case "welcome": {
          // The room's policy may ask everyone to enter muted or with the camera off; they may turn them on after.
          if (!message.resumed && message.room.policy.muteOnEntry) mediaRef.current.setMicrophoneEnabled(false);
          if (!message.resumed && message.room.policy.cameraOffOnEntry) mediaRef.current.setCameraEnabled(false);
          const rights = enforceRights(message.self.role, message.room.policy);
          mesh.join({
            selfId: message.self.id,
            participantIds: message.participants.map((participant) => participant.id),
            iceServers: iceServers.current,
            iceTransportPolicy: iceTransportPolicy.current,
            receiveOnly: publishesNothing(rights),
            largeMeeting: message.room.policy.largeMeeting,
            onSfuUnavailable: () => toast.warning("The media server is not answering: this meeting continues peer-to-peer.", { toasterId: MEETING_TOASTER_ID, id: "sfu-unavailable" }),
          });
          break;
        }
        case "participant-updated":
          // A host changed this person's role: an observer's connections only receive; a presenter's send again.
          if (message.participant.id === before.selfId) mesh.setReceiveOnly(publishesNothing(enforceRights(message.participant.role, before.room.policy)));
          break;
        case "room-updated": {
          const self = before.participants.find((participant) => participant.id === before.selfId);
          if (self) mesh.setReceiveOnly(publishesNothing(enforceRights(self.role, message.policy)));
          break;
        }
        case "knock":
          notifyKnock(message.participant);
          break;
        case "waiting-updated": {
          // Whoever another host admitted or denied (or who left) needs no toast any more.
          const still = new Set(message.waiting.map((entry) => entry.id));
          for (const entry of before.waiting) if (!still.has(entry.id)) toast.dismiss(`knock-${entry.id}`);
          break;
        }
        case "participant-left":
          mesh.removePeer(message.participantId);
          break;
        case "signal":
          mesh.handleSignal(message.from, message.payload);
          break;
        case "muted-by-host":
          mediaRef.current.setMicrophoneEnabled(false);
          break;
        case "share-stopped-by-host":
          mediaRef.current.stopScreenShare();
          break;
        case "unmute-requested":
          // A request, never a switch: only the person's own click turns the microphone on.
          toast.info("A host asks you to unmute", {
            toasterId: MEETING_TOASTER_ID,
            id: "unmute-requested",
            duration: 20_000,
            action: { label: "Unmute", onClick: () => mediaRef.current.setMicrophoneEnabled(true) },
          });
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
    [announce, dispatch, enforceRights, mesh, notifyKnock, read],
  );

  const handlers = useMemo<ConnectionHandlers>(
    () => ({
      onMessage,
      onConnectionLost: () => {
        dispatch({ type: "connection-lost" });
        announce("Connection lost. Reconnecting…");
      },
      onFatal: (message, exit) => {
        mesh.stop();
        mediaRef.current.release();
        dispatch({ type: "failed", message, exit });
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
  const { prepare } = connection;
  useEffect(() => {
    if (entered) return;
    let inLobby = true;
    void warmUpWebRtc();
    const prefetch = () =>
      requestJoinGrant(roomId).then(
        (received) => {
          prefetched.current = received;
          if (inLobby) prepare(received);
        },
        () => (prefetched.current = null),
      );
    void prefetch();
    const timer = setInterval(prefetch, GRANT_PREFETCH_INTERVAL_MS);
    return () => {
      inLobby = false;
      clearInterval(timer);
    };
  }, [entered, prepare, roomId]);

  // Publishing: tracks go to every peer connection; the on/off state goes to the server for everyone's UI. Only
  // what this person's role may publish goes out (the server refuses the rest).
  const self = state.participants.find((participant) => participant.id === state.selfId) ?? null;
  const rights: MediaRights = mediaRights(self?.role, state.room.policy);
  const rightsRef = useRef(rights);
  useEffect(() => {
    rightsRef.current = rights;
  }, [rights]);
  const audioTrack = rights.audio === null && media.microphone.enabled ? media.microphone.track : null;
  const videoTrack = rights.video === null && media.camera.enabled ? media.camera.track : null;
  const screenTrack = rights.screen === null ? media.screen : null;
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
  // The person's quality choice caps what the mesh sends and asks peers for; "audio only" adds to the suggestion's.
  const { send: sendQuality, receive: receiveQuality, setReceive: setReceiveQuality } = media.quality;
  useEffect(() => mesh.setQuality({ send: sendQuality, receive: receiveQuality }), [mesh, sendQuality, receiveQuality]);
  const chosenAudioOnly = receiveQuality === "audio-only";
  const { setReceiveCameras } = mesh;
  const receiveCameras = useCallback((receive: boolean) => setReceiveCameras(receive && !chosenAudioOnly), [setReceiveCameras, chosenAudioOnly]);
  const suggestion = useQualitySuggestion(
    {
      active: state.phase === "in-meeting" || state.phase === "reconnecting",
      readStats: mesh.readStats,
      sendingVideo: published.video,
      toasterId: MEETING_TOASTER_ID,
      announce,
      turnOffCamera: () => mediaRef.current.setCameraEnabled(false),
      cameraTrack: () => mediaRef.current.cameraSource,
    },
    receiveCameras,
  );
  const audioOnly = suggestion.audioOnly || chosenAudioOnly;
  const showVideo = useCallback(() => {
    if (chosenAudioOnly) setReceiveQuality("auto");
    suggestion.showVideo();
  }, [chosenAudioOnly, setReceiveQuality, suggestion]);
  // Audio only (chosen, or a quality suggestion the person applied): others' cameras are no longer shown.
  const shownMesh = useMemo(() => (audioOnly ? { ...meshView, tracks: withoutCameras(meshView.tracks) } : meshView), [audioOnly, meshView]);
  useFeatureEvents(
    state.phase === "in-meeting",
    self ? { ...published, handRaised: handRaisedAt(self) !== null, layout: state.layoutMode, effects: media.effects.settings } : null,
    send,
  );

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
    // Join is a user gesture: an audio graph created without one (noise suppression) may wait for it.
    mediaRef.current.effects.resumeAudio();
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
      iceTransportPolicy.current = grant.iceTransportPolicy ?? "all";
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

  const handRaised = self ? handRaisedAt(self) !== null : false;

  /** A control the role does not allow explains itself instead of acting (keyboard shortcuts reach here too). */
  const refuseIfForbidden = useCallback((reason: string | null) => {
    if (reason === null) return false;
    toast.info(reason, { toasterId: MEETING_TOASTER_ID, id: "forbidden-control" });
    return true;
  }, []);

  const actions = useMemo(
    () => ({
      join,
      leave,
      rejoin,
      // A device that failed counts as off, so pressing its button retries it. What the role may not publish says why.
      toggleMicrophone: () => {
        const { microphone } = mediaRef.current;
        const on = microphone.enabled && microphone.track !== null;
        if (!on && refuseIfForbidden(rightsRef.current.audio)) return;
        mediaRef.current.setMicrophoneEnabled(!on);
        if (microphone.track) announce(on ? "Microphone off" : "Microphone on");
      },
      toggleCamera: () => {
        const { camera } = mediaRef.current;
        const on = camera.enabled && (camera.track !== null || camera.pending);
        if (!on && refuseIfForbidden(rightsRef.current.video)) return;
        mediaRef.current.setCameraEnabled(!on);
        announce(on ? "Camera off" : "Turning camera on");
      },
      toggleScreenShare: async () => {
        if (mediaRef.current.screen) {
          mediaRef.current.stopScreenShare();
          announce("You stopped sharing your screen");
          return;
        }
        if (refuseIfForbidden(rightsRef.current.screen)) return;
        const result = await mediaRef.current.startScreenShare();
        if (result.ok) announce("You are sharing your screen");
        else if (result.reason !== "cancelled") toast.error("Screen sharing could not start.", { toasterId: MEETING_TOASTER_ID });
      },
      toggleHand: () => void send({ type: "hand", raised: !handRaised }),
      react: (emoji: ReactionEmoji) => void send({ type: "reaction", emoji }),
      sendChat: (text: string, files: StoredChatFile[] = []) =>
        send({ type: "chat", text, ...(files.length > 0 ? { attachments: files.map(({ ticket }) => ({ ticket })) } : {}) }),
      mute: (participantId: string) => void send({ type: "mute", participantId }),
      muteAll: (exceptPresenters: boolean) => void send({ type: "mute-all", exceptPresenters }),
      askUnmute: (participantId: string) => void send({ type: "ask-unmute", participantId }),
      lowerHands: () => void send({ type: "lower-hands" }),
      stopShare: (participantId: string) => void send({ type: "stop-share", participantId }),
      remove: (participantId: string) => void send({ type: "remove", participantId }),
      spotlight: (participantId: string | null) => void send({ type: "spotlight", participantId }),
      lock: (locked: boolean) => void send({ type: "lock", locked }),
      record: (on: boolean) => void send({ type: "record", on }),
      endForAll: () => void send({ type: "end" }),
      setRole: (participantId: string, role: MeetingRole) => void send({ type: "set-role", participantId, role }),
      admit: (participantId: string) => void send({ type: "admit", participantId }),
      admitAll: () => void send({ type: "admit", all: true }),
      deny: (participantId: string) => void send({ type: "deny", participantId }),
    }),
    [announce, handRaised, join, leave, refuseIfForbidden, rejoin, send],
  );

  return { state, dispatch, self, rights, mesh: shownMesh, readStats: mesh.readStats, setTileSubstreams: mesh.setTileSubstreams, audioOnly, showVideo, entered, joining, joinError, announcements, actions };
}
