"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { SFU_LEGS } from "@/lib/domain/sfu-legs";
import { sfuReceivePreference } from "@/lib/domain/simulcast";
import type { ReceiveQuality, SendQuality } from "@/lib/domain/video-quality";
import type { LocalMedia } from "@/lib/rtc";
import type { SfuTransport } from "@/lib/rtc/sfu/sfu-transport";
import type { PeerStats } from "@/components/meeting/state/local-quality";
import type { PeerMeshView } from "./use-peer-mesh";

const emptyView: PeerMeshView = { tracks: {}, connectionStates: {}, ratings: {}, speaking: [], activeSpeakerId: null };

type SfuGrant = { url: string; room: string; token: string; expiresAt: string };

async function requestGrant(roomId: string): Promise<SfuGrant | null> {
  const response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/sfu`, { method: "POST" }).catch(() => null);
  return response?.ok ? ((await response.json()) as SfuGrant) : null;
}

export type SfuControls = {
  /** Asks the app for the meeting's Janus instance and a token, then joins; false when the SFU is not available. */
  start: (selfId: string, iceServers: RTCIceServer[], iceTransportPolicy: RTCIceTransportPolicy) => Promise<boolean>;
  stop: () => void;
  setLocalMedia: (media: LocalMedia) => void;
  /** The person's quality choice: which simulcast layers go up, and which layer of others' cameras comes down. */
  setQuality: (choice: { send: SendQuality; receive: ReceiveQuality }) => void;
  /** Audio only off/on (the choice or the quality suggestion): whether Janus forwards us others' cameras. */
  setReceiveCameras: (receive: boolean) => void;
  /** The layer each person's camera needs for its tile's size (lib/domain/simulcast.ts `tileSubstreams`). */
  setTileSubstreams: (tiles: Readonly<Record<string, number>>) => void;
  /** The latest stats of the uplink and the downlink (as peers `sfu-uplink`, `sfu-downlink`), for the quality reports. */
  readStats: () => (PeerStats & { peerId: string })[];
};

/** Through the SFU everyone reaches this browser over the one downlink: its rating is every tile's. */
function withDownlinkRatings(view: PeerMeshView, rating: PeerStats["rating"] | undefined): PeerMeshView {
  if (!rating) return view;
  const ids = Object.keys(view.tracks);
  if (ids.every((id) => view.ratings[id]?.quality === rating.quality) && Object.keys(view.ratings).length === ids.length) return view;
  return { ...view, ratings: Object.fromEntries(ids.map((id) => [id, rating])) };
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/**
 * Binds lib/rtc/sfu/sfu-transport.ts to React for large meetings, in the shape the mesh's view has, so the
 * stage renders either. The transport code (janode) is imported only when a meeting goes through the SFU.
 */
export function useSfuTransport(roomId: string): { view: PeerMeshView; controls: SfuControls } {
  const transport = useRef<SfuTransport | null>(null);
  const localMedia = useRef<LocalMedia>({});
  const [view, setView] = useState<PeerMeshView>(emptyView);
  const latestStats = useRef<Record<string, PeerStats>>({});
  const quality = useRef<{ send: SendQuality; receive: ReceiveQuality }>({ send: "auto", receive: "auto" });
  const receiveCameras = useRef(true);
  const tileSubstreams = useRef<Readonly<Record<string, number>>>({});

  const applyQuality = useCallback((target: SfuTransport) => {
    const report = (error: unknown) => console.warn("[meeting] sfu quality", error);
    target.setSendQuality(quality.current.send).catch(report);
    target.setReceivePreference(sfuReceivePreference(quality.current.receive, receiveCameras.current)).catch(report);
  }, []);

  const publish = useCallback((target: SfuTransport, media: LocalMedia) => {
    const slots = { ...("audio" in media ? { audio: media.audio } : {}), ...("video" in media ? { camera: media.video } : {}), ...("screen" in media ? { screen: media.screen } : {}) };
    target.setLocalMedia(slots).catch((error: unknown) => console.warn("[meeting] sfu set local media", error));
  }, []);

  const stop = useCallback(() => {
    void transport.current?.close();
    transport.current = null;
    latestStats.current = {};
    setView(emptyView);
  }, []);

  const start = useCallback(
    async (selfId: string, iceServers: RTCIceServer[], iceTransportPolicy: RTCIceTransportPolicy) => {
      if (transport.current) return true;
      const grant = await requestGrant(roomId);
      if (!grant) return false;
      const { SfuTransport } = await import("@/lib/rtc/sfu/sfu-transport");
      const created = new SfuTransport({
        url: grant.url,
        room: grant.room,
        token: grant.token,
        tokenExpiresAt: grant.expiresAt,
        fetchToken: () => requestGrant(roomId),
        selfId,
        iceServers,
        iceTransportPolicy,
      });
      transport.current = created;
      created.on("remote-track", ({ participantId, slot, track }) => {
        setView((current) =>
          withDownlinkRatings(
            {
              ...current,
              tracks: { ...current.tracks, [participantId]: { ...current.tracks[participantId], [slot]: track } },
              connectionStates: { ...current.connectionStates, [participantId]: "connected" },
            },
            latestStats.current[SFU_LEGS.downlink]?.rating,
          ),
        );
      });
      created.on("remote-track-ended", ({ participantId, slot }) => {
        setView((current) => {
          const remaining = without(current.tracks[participantId] ?? {}, slot);
          const tracks = Object.keys(remaining).length ? { ...current.tracks, [participantId]: remaining } : without(current.tracks, participantId);
          return withDownlinkRatings(
            { ...current, tracks, connectionStates: tracks[participantId] ? current.connectionStates : without(current.connectionStates, participantId) },
            latestStats.current[SFU_LEGS.downlink]?.rating,
          );
        });
      });
      created.on("stats", ({ peerId, summary, rating }) => {
        latestStats.current = { ...latestStats.current, [peerId]: { summary, rating } };
        // Re-rendering the tiles every 2 s for an unchanged level would be wasted work (withDownlinkRatings keeps the view).
        if (peerId === SFU_LEGS.downlink) setView((current) => withDownlinkRatings(current, rating));
      });
      created.on("error", ({ operation, error }) => console.warn(`[meeting] sfu ${operation}`, error));
      try {
        await created.start();
      } catch (error) {
        console.warn("[meeting] sfu start", error);
        if (transport.current === created) stop();
        return false;
      }
      if (transport.current !== created) return true;
      publish(created, localMedia.current);
      applyQuality(created);
      created.setTileSubstreams(tileSubstreams.current).catch((error: unknown) => console.warn("[meeting] sfu tile layers", error));
      return true;
    },
    [applyQuality, publish, roomId, stop],
  );

  const setQuality = useCallback(
    (choice: { send: SendQuality; receive: ReceiveQuality }) => {
      quality.current = choice;
      if (transport.current) applyQuality(transport.current);
    },
    [applyQuality],
  );

  const setReceiveCameras = useCallback(
    (receive: boolean) => {
      receiveCameras.current = receive;
      if (transport.current) applyQuality(transport.current);
    },
    [applyQuality],
  );

  const setTileSubstreams = useCallback((tiles: Readonly<Record<string, number>>) => {
    tileSubstreams.current = tiles;
    transport.current?.setTileSubstreams(tiles).catch((error: unknown) => console.warn("[meeting] sfu tile layers", error));
  }, []);

  const setLocalMedia = useCallback(
    (media: LocalMedia) => {
      localMedia.current = { ...localMedia.current, ...media };
      if (transport.current) publish(transport.current, media);
    },
    [publish],
  );

  useEffect(() => () => void transport.current?.close(), []);

  const readStats = useCallback(() => Object.entries(latestStats.current).map(([peerId, stats]) => ({ peerId, ...stats })), []);

  const controls = useMemo(
    () => ({ start, stop, setLocalMedia, setQuality, setReceiveCameras, setTileSubstreams, readStats }),
    [start, stop, setLocalMedia, setQuality, setReceiveCameras, setTileSubstreams, readStats],
  );
  return { view, controls };
}
