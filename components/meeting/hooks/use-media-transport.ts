"use client";

import { useCallback, useMemo, useState } from "react";
import type { LocalMedia } from "@/lib/rtc";
import type { ReceiveQuality, SendQuality } from "@/lib/domain/video-quality";
import type { RtcSignal } from "@/lib/signaling";
import { type PeerMeshControls, type PeerMeshView, usePeerMesh } from "./use-peer-mesh";
import { useSfuTransport } from "./use-sfu-transport";

export type MediaJoin = {
  selfId: string;
  participantIds: readonly string[];
  iceServers: RTCIceServer[];
  iceTransportPolicy: RTCIceTransportPolicy;
  receiveOnly: boolean;
  /** The room's policy says large meeting: media through the SFU from the start. */
  largeMeeting: boolean;
  /** The SFU did not answer and the meeting went peer-to-peer instead. */
  onSfuUnavailable: () => void;
};

export type MediaTransportControls = Omit<PeerMeshControls, "start"> & {
  join: (options: MediaJoin) => void;
  /** Through the SFU, the simulcast layer each person's camera needs for its tile; the mesh sizes per peer itself. */
  setTileSubstreams: (tiles: Readonly<Record<string, number>>) => void;
};

/**
 * The meeting's media path: the peer mesh, or for large meetings the SFU (falling back to the mesh when no
 * media server answers). One view and one set of controls, whichever carries the media.
 */
export function useMediaTransport(roomId: string, sendSignal: (toParticipantId: string, signal: RtcSignal) => void): { view: PeerMeshView; controls: MediaTransportControls } {
  const { view: meshView, controls: mesh } = usePeerMesh(sendSignal);
  const { view: sfuView, controls: sfu } = useSfuTransport(roomId);
  const [viaSfu, setViaSfu] = useState(false);

  const join = useCallback(
    (options: MediaJoin) => {
      const startMesh = () => {
        mesh.start(options.selfId, options.iceServers, options.iceTransportPolicy);
        mesh.setReceiveOnly(options.receiveOnly);
        mesh.syncPeers(options.participantIds);
      };
      if (!options.largeMeeting) return startMesh();
      setViaSfu(true);
      void sfu.start(options.selfId, options.iceServers, options.iceTransportPolicy).then((started) => {
        if (started) return;
        // Everyone's client falls back alike, so the mesh forms among them.
        setViaSfu(false);
        options.onSfuUnavailable();
        startMesh();
      });
    },
    [mesh, sfu],
  );

  const stop = useCallback(() => {
    mesh.stop();
    sfu.stop();
    setViaSfu(false);
  }, [mesh, sfu]);

  const setLocalMedia = useCallback(
    (media: LocalMedia) => {
      mesh.setLocalMedia(media);
      sfu.setLocalMedia(media);
    },
    [mesh, sfu],
  );

  // Quality choices and audio only go to both paths, like local media: whichever carries the meeting follows them.
  const setQuality = useCallback(
    (choice: { send: SendQuality; receive: ReceiveQuality }) => {
      mesh.setQuality(choice);
      sfu.setQuality(choice);
    },
    [mesh, sfu],
  );
  const setReceiveCameras = useCallback(
    (receive: boolean) => {
      mesh.setReceiveCameras(receive);
      sfu.setReceiveCameras(receive);
    },
    [mesh, sfu],
  );

  // Quality reports and samples come from whichever path carries the media: mesh peers, or the SFU's two legs.
  const readStats = viaSfu ? sfu.readStats : mesh.readStats;

  const controls = useMemo(
    () => ({ ...mesh, join, stop, setLocalMedia, setQuality, setReceiveCameras, setTileSubstreams: sfu.setTileSubstreams, readStats }),
    [mesh, join, stop, setLocalMedia, setQuality, setReceiveCameras, sfu.setTileSubstreams, readStats],
  );
  return { view: viaSfu ? sfuView : meshView, controls };
}
