"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { SPEAKING_LEVEL } from "@/lib/domain/active-speaker";
import type { ConnectionRating } from "@/lib/domain/connection-quality";
import type { ReceiveQuality, SendQuality } from "@/lib/domain/video-quality";
import { type LocalMedia, type MediaSlot, PeerMesh } from "@/lib/rtc";
import type { RtcSignal } from "@/lib/signaling";
import type { PeerStats } from "@/components/meeting/state/local-quality";
import { JOIN_MARKS, markJoinStep } from "@/components/meeting/state/join-timeline";

export type RemoteTracks = Readonly<Record<string, Partial<Record<MediaSlot, MediaStreamTrack>>>>;

export type PeerMeshView = {
  tracks: RemoteTracks;
  connectionStates: Readonly<Record<string, RTCPeerConnectionState>>;
  /** This browser's view of its connection with each peer, from the engine's stats. */
  ratings: Readonly<Record<string, ConnectionRating>>;
  /** Peers whose microphone level is above the speaking threshold right now. */
  speaking: readonly string[];
  activeSpeakerId: string | null;
};

const emptyView: PeerMeshView = { tracks: {}, connectionStates: {}, ratings: {}, speaking: [], activeSpeakerId: null };

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

export type PeerMeshControls = {
  /** Creates the mesh for this participant id (again, if the server handed out a new id after a failed resume). */
  start: (selfId: string, iceServers: RTCIceServer[], iceTransportPolicy: RTCIceTransportPolicy) => void;
  stop: () => void;
  handleSignal: (fromId: string, signal: RtcSignal) => void;
  /**
   * Makes the mesh match the roster in `welcome`: connects to everyone listed we have no connection with (those
   * present before us expect our offer) and drops connections to anyone who left while we were away.
   */
  syncPeers: (peerIds: readonly string[]) => void;
  removePeer: (peerId: string) => void;
  setLocalMedia: (media: LocalMedia) => void;
  setReceiveOnly: (receiveOnly: boolean) => void;
  /** Audio only off/on: whether peers send us their cameras (see PeerMesh.setReceiveCameras). */
  setReceiveCameras: (receive: boolean) => void;
  /** The person's send and receive quality (PeerMesh.setSendQuality / setReceiveQuality). */
  setQuality: (choice: { send: SendQuality; receive: ReceiveQuality }) => void;
  /** The latest stats of every peer connection (keyed by the remote participant), for the periodic quality reports. */
  readStats: () => (PeerStats & { peerId: string })[];
};

/**
 * Binds lib/rtc's PeerMesh to React: signals go out through `sendSignal`, and remote tracks, connection states,
 * ratings and speaking levels come back as state. The mesh lives in a ref, created on `welcome` rather than in
 * an effect, so that an offer arriving right after `welcome` always finds it.
 */
export function usePeerMesh(sendSignal: (toParticipantId: string, signal: RtcSignal) => void): { view: PeerMeshView; controls: PeerMeshControls } {
  const mesh = useRef<PeerMesh | null>(null);
  const selfId = useRef<string | null>(null);
  const localMedia = useRef<LocalMedia>({});
  const receiveOnly = useRef(false);
  const receiveCameras = useRef(true);
  const quality = useRef<{ send: SendQuality; receive: ReceiveQuality }>({ send: "auto", receive: "auto" });
  /** Every stats sample as it arrives; the rendered view only changes when a quality level does. */
  const latestStats = useRef<Record<string, PeerStats>>({});
  const sendRef = useRef(sendSignal);
  const [view, setView] = useState<PeerMeshView>(emptyView);
  useEffect(() => {
    sendRef.current = sendSignal;
  }, [sendSignal]);

  const stop = useCallback(() => {
    mesh.current?.close();
    mesh.current = null;
    selfId.current = null;
    latestStats.current = {};
    setView(emptyView);
  }, []);

  const report = useCallback((error: unknown, where: string) => {
    console.warn(`[meeting] ${where}`, error);
  }, []);

  const start = useCallback(
    (id: string, iceServers: RTCIceServer[], iceTransportPolicy: RTCIceTransportPolicy) => {
      if (mesh.current && selfId.current === id) return;
      stop();
      const created = new PeerMesh({ selfId: id, iceServers, iceTransportPolicy, send: (to, signal) => sendRef.current(to, signal) });
      mesh.current = created;
      selfId.current = id;
      created.on("remote-track", ({ peerId, slot, track }) => {
        if (slot === "camera") markJoinStep(JOIN_MARKS.remoteCameraTrack);
        setView((current) => ({ ...current, tracks: { ...current.tracks, [peerId]: { ...current.tracks[peerId], [slot]: track } } }));
      });
      created.on("connection-state", ({ peerId, state }) => {
        if (state === "connected") markJoinStep(JOIN_MARKS.peerConnected);
        setView((current) => ({ ...current, connectionStates: { ...current.connectionStates, [peerId]: state } }));
      });
      created.on("stats", ({ peerId, rating, summary }) => {
        latestStats.current = { ...latestStats.current, [peerId]: { rating, summary } };
        setView((current) => {
          const previous = current.ratings[peerId];
          // Re-rendering every tile every 2 s for an unchanged level would be wasted work.
          if (previous?.quality === rating.quality) return current;
          return { ...current, ratings: { ...current.ratings, [peerId]: rating } };
        });
      });
      created.on("audio-levels", ({ levels }) => {
        const speaking = [...levels].filter(([, level]) => level >= SPEAKING_LEVEL).map(([peerId]) => peerId);
        setView((current) => (sameMembers(current.speaking, speaking) ? current : { ...current, speaking }));
      });
      created.on("active-speaker", ({ peerId }) => setView((current) => ({ ...current, activeSpeakerId: peerId })));
      created.on("error", ({ peerId, operation, error }) => report(error, `${operation} with ${peerId}`));
      created.setLocalMedia(localMedia.current).catch((error: unknown) => report(error, "set local media"));
      if (receiveOnly.current) created.setReceiveOnly(true).catch((error: unknown) => report(error, "receive only"));
      if (!receiveCameras.current) created.setReceiveCameras(false).catch((error: unknown) => report(error, "receive cameras"));
      created.setSendQuality(quality.current.send);
      created.setReceiveQuality(quality.current.receive);
    },
    [report, stop],
  );

  const handleSignal = useCallback((fromId: string, signal: RtcSignal) => mesh.current?.handleSignal(fromId, signal), []);

  const removePeer = useCallback((peerId: string) => {
    mesh.current?.removePeer(peerId);
    latestStats.current = without(latestStats.current, peerId);
    setView((current) => ({
      ...current,
      tracks: without(current.tracks, peerId),
      connectionStates: without(current.connectionStates, peerId),
      ratings: without(current.ratings, peerId),
      speaking: current.speaking.filter((id) => id !== peerId),
    }));
  }, []);

  const syncPeers = useCallback(
    (peerIds: readonly string[]) => {
      const current = mesh.current;
      if (!current) return;
      for (const peerId of current.peerIds) if (!peerIds.includes(peerId)) removePeer(peerId);
      for (const peerId of peerIds) if (peerId !== selfId.current) current.connect(peerId);
    },
    [removePeer],
  );

  const setLocalMedia = useCallback(
    (media: LocalMedia) => {
      localMedia.current = { ...localMedia.current, ...media };
      mesh.current?.setLocalMedia(media).catch((error: unknown) => report(error, "set local media"));
    },
    [report],
  );

  const setReceiveOnly = useCallback(
    (value: boolean) => {
      if (receiveOnly.current === value) return;
      receiveOnly.current = value;
      mesh.current?.setReceiveOnly(value).catch((error: unknown) => report(error, "receive only"));
    },
    [report],
  );

  const setReceiveCameras = useCallback(
    (value: boolean) => {
      if (receiveCameras.current === value) return;
      receiveCameras.current = value;
      mesh.current?.setReceiveCameras(value).catch((error: unknown) => report(error, "receive cameras"));
    },
    [report],
  );

  const setQuality = useCallback((choice: { send: SendQuality; receive: ReceiveQuality }) => {
    quality.current = choice;
    mesh.current?.setSendQuality(choice.send);
    mesh.current?.setReceiveQuality(choice.receive);
  }, []);

  const readStats = useCallback(() => Object.entries(latestStats.current).map(([peerId, stats]) => ({ peerId, ...stats })), []);

  useEffect(() => () => mesh.current?.close(), []);

  const controls = useMemo(
    () => ({ start, stop, handleSignal, syncPeers, removePeer, setLocalMedia, setReceiveOnly, setReceiveCameras, setQuality, readStats }),
    [start, stop, handleSignal, syncPeers, removePeer, setLocalMedia, setReceiveOnly, setReceiveCameras, setQuality, readStats],
  );
  return { view, controls };
}
