import { SFU_LEGS } from "@/lib/domain/sfu-legs";
import { sfuReceivePreference } from "@/lib/domain/simulcast";
import type { LocalMedia } from "@/lib/rtc";
import type { SfuTransport } from "@/lib/rtc/sfu/sfu-transport";
import type { PeerStats } from "@/lib/meeting-client/state/local-quality";
import { Store } from "@/lib/meeting-client/store";
import { EMPTY_MEDIA_VIEW, type MediaView, type StatsReading, without, withTrack } from "./media-view";
import type { QualityChoice } from "./mesh-transport";

export type SfuGrant = { url: string; room: string; token: string; expiresAt: string };

/** `not-configured`: this deployment has no media server (409), so the mesh is the only path and nobody is warned. */
export type SfuGrantResult = { ok: true; grant: SfuGrant } | { ok: false; reason: "not-configured" | "unavailable" };

/**
 * Joining Janus takes well under a second; a server that accepted the connection but does not answer (it is
 * starting or stopping) must not leave the meeting waiting, so a start that takes longer counts as failed.
 */
export const SFU_START_DEADLINE_MS = 10_000;

function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)));
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** The meeting's Janus instance, room and a token from the app. */
export async function requestSfuGrant(roomId: string): Promise<SfuGrantResult> {
  const response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/sfu`, { method: "POST", signal: AbortSignal.timeout(SFU_START_DEADLINE_MS) }).catch(() => null);
  if (response?.ok) return { ok: true, grant: (await response.json()) as SfuGrant };
  return { ok: false, reason: response?.status === 409 ? "not-configured" : "unavailable" };
}

export type SfuStart = "started" | "not-configured" | "unavailable";

function report(error: unknown, where: string) {
  console.warn(`[meeting] sfu ${where}`, error);
}

/** Through the SFU everyone reaches this browser over the one downlink: its rating is every tile's. */
function withDownlinkRatings(view: MediaView, rating: PeerStats["rating"] | undefined): MediaView {
  if (!rating) return view;
  const ids = Object.keys(view.tracks);
  if (ids.every((id) => view.ratings[id]?.quality === rating.quality) && Object.keys(view.ratings).length === ids.length) return view;
  return { ...view, ratings: Object.fromEntries(ids.map((id) => [id, rating])) };
}

/**
 * The path through Janus for large meetings (lib/rtc/sfu/sfu-transport.ts), shown in the mesh's view shape so
 * the stage renders either. The transport code (janode) is imported only when a meeting goes through the SFU.
 */
export class SfuPath {
  readonly view = new Store<MediaView>(EMPTY_MEDIA_VIEW);
  private transport: SfuTransport | null = null;
  private localMedia: LocalMedia = {};
  private latestStats: Record<string, PeerStats> = {};
  private quality: QualityChoice = { send: "auto", receive: "auto" };
  private receiveCameras = true;
  private tileSubstreams: Readonly<Record<string, number>> = {};
  private hiddenCameras: ReadonlySet<string> = new Set();
  private failureListener: (reason: string) => void = () => {};

  constructor(
    private readonly roomId: string,
    private readonly requestGrant: (roomId: string) => Promise<SfuGrantResult> = requestSfuGrant,
  ) {}

  get running(): boolean {
    return this.transport !== null;
  }

  /** Janus went away mid-call (closed, restarted): the path has stopped itself; the owner decides what next. */
  onFailure(listener: (reason: string) => void): void {
    this.failureListener = listener;
  }

  /** Asks the app for the meeting's Janus instance and a token, then joins. */
  async start(selfId: string, iceServers: RTCIceServer[], iceTransportPolicy: RTCIceTransportPolicy): Promise<SfuStart> {
    if (this.transport) return "started";
    const granted = await this.requestGrant(this.roomId);
    if (!granted.ok) return granted.reason;
    const { grant } = granted;
    const { SfuTransport } = await import("@/lib/rtc/sfu/sfu-transport");
    const created = new SfuTransport({
      url: grant.url,
      room: grant.room,
      token: grant.token,
      tokenExpiresAt: grant.expiresAt,
      fetchToken: async () => {
        const renewed = await this.requestGrant(this.roomId);
        return renewed.ok ? renewed.grant : null;
      },
      selfId,
      iceServers,
      iceTransportPolicy,
    });
    this.transport = created;
    const downlinkRating = () => this.latestStats[SFU_LEGS.downlink]?.rating;
    created.on("remote-track", ({ participantId, slot, track }) => {
      this.view.update((current) => {
        const next = withTrack(current, participantId, slot, track);
        return withDownlinkRatings({ ...next, connectionStates: { ...next.connectionStates, [participantId]: "connected" } }, downlinkRating());
      });
    });
    created.on("remote-track-ended", ({ participantId, slot }) => {
      this.view.update((current) => {
        const remaining = without(current.tracks[participantId] ?? {}, slot);
        const tracks = Object.keys(remaining).length ? { ...current.tracks, [participantId]: remaining } : without(current.tracks, participantId);
        const connectionStates = tracks[participantId] ? current.connectionStates : without(current.connectionStates, participantId);
        return withDownlinkRatings({ ...current, tracks, connectionStates }, downlinkRating());
      });
    });
    created.on("stats", ({ peerId, summary, rating }) => {
      this.latestStats = { ...this.latestStats, [peerId]: { summary, rating } };
      // Re-rendering the tiles every 2 s for an unchanged level would be wasted work (withDownlinkRatings keeps the view).
      if (peerId === SFU_LEGS.downlink) this.view.update((current) => withDownlinkRatings(current, rating));
    });
    created.on("error", ({ operation, error }) => report(error, operation));
    created.on("failed", ({ reason }) => {
      if (this.transport !== created) return;
      report(reason, "failed");
      this.stop();
      this.failureListener(reason);
    });
    try {
      await withDeadline(created.start(), SFU_START_DEADLINE_MS, "joining the media server");
    } catch (error) {
      report(error, "start");
      if (this.transport === created) this.stop();
      return "unavailable";
    }
    if (this.transport !== created) return "started";
    this.publish(created, this.localMedia);
    this.applyQuality(created);
    created.setTileSubstreams(this.tileSubstreams).catch((error: unknown) => report(error, "tile layers"));
    if (this.hiddenCameras.size > 0) created.setHiddenCameras(this.hiddenCameras).catch((error: unknown) => report(error, "hidden cameras"));
    return "started";
  }

  stop(): void {
    void this.transport?.close();
    this.transport = null;
    this.latestStats = {};
    this.view.set(EMPTY_MEDIA_VIEW);
  }

  setLocalMedia(media: LocalMedia): void {
    this.localMedia = { ...this.localMedia, ...media };
    if (this.transport) this.publish(this.transport, media);
  }

  /** The person's quality choice: which simulcast layers go up, and which layer of others' cameras comes down. */
  setQuality(choice: QualityChoice): void {
    this.quality = choice;
    if (this.transport) this.applyQuality(this.transport);
  }

  /** Audio only off/on (the choice or the quality suggestion): whether Janus forwards us others' cameras. */
  setReceiveCameras(receive: boolean): void {
    this.receiveCameras = receive;
    if (this.transport) this.applyQuality(this.transport);
  }

  /** The layer each person's camera needs for its tile's size (lib/domain/simulcast.ts `tileSubstreams`). */
  setTileSubstreams(tiles: Readonly<Record<string, number>>): void {
    this.tileSubstreams = tiles;
    this.transport?.setTileSubstreams(tiles).catch((error: unknown) => report(error, "tile layers"));
  }

  /** Cameras whose tiles are off-screen: paused at Janus, so neither the link nor the decoder carries them. */
  setHiddenCameras(participantIds: ReadonlySet<string>): void {
    this.hiddenCameras = participantIds;
    this.transport?.setHiddenCameras(participantIds).catch((error: unknown) => report(error, "hidden cameras"));
  }

  /** The latest stats of the uplink and the downlink (as peers `sfu-uplink`, `sfu-downlink`). */
  readonly readStats = (): StatsReading => Object.entries(this.latestStats).map(([peerId, stats]) => ({ peerId, ...stats }));

  private applyQuality(target: SfuTransport): void {
    target.setSendQuality(this.quality.send).catch((error: unknown) => report(error, "quality"));
    target.setReceivePreference(sfuReceivePreference(this.quality.receive, this.receiveCameras)).catch((error: unknown) => report(error, "quality"));
  }

  private publish(target: SfuTransport, media: LocalMedia): void {
    const slots = {
      ...("audio" in media ? { audio: media.audio } : {}),
      ...("video" in media ? { camera: media.video } : {}),
      ...("screen" in media ? { screen: media.screen } : {}),
    };
    target.setLocalMedia(slots).catch((error: unknown) => report(error, "set local media"));
  }
}
