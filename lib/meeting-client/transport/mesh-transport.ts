import { SPEAKING_LEVEL } from "@/lib/domain/active-speaker";
import type { ReceiveQuality, SendQuality } from "@/lib/domain/video-quality";
import { type LocalMedia, PeerMesh } from "@/lib/rtc";
import type { RtcSignal } from "@/lib/signaling";
import type { PeerStats } from "@/lib/meeting-client/state/local-quality";
import { JOIN_MARKS, markJoinStep } from "@/lib/meeting-client/state/join-timeline";
import { Store } from "@/lib/meeting-client/store";
import { EMPTY_MEDIA_VIEW, type MediaView, type StatsReading, sameMembers, without, withoutParticipant, withTrack } from "./media-view";

export type QualityChoice = { send: SendQuality; receive: ReceiveQuality };

function report(error: unknown, where: string) {
  console.warn(`[meeting] ${where}`, error);
}

/**
 * The peer-to-peer path: lib/rtc's PeerMesh plus what the meeting shows of it. The mesh is created on `welcome`
 * (`start`) rather than later, so that an offer arriving right after `welcome` always finds it; what was set
 * before (local media, receive-only, quality) is applied to each new mesh.
 */
export class MeshTransport {
  readonly view = new Store<MediaView>(EMPTY_MEDIA_VIEW);
  private mesh: PeerMesh | null = null;
  private selfId: string | null = null;
  private localMedia: LocalMedia = {};
  private receiveOnly = false;
  private receiveCameras = true;
  private quality: QualityChoice = { send: "auto", receive: "auto" };
  /** Every stats sample as it arrives; the view only changes when a quality level does. */
  private latestStats: Record<string, PeerStats> = {};

  constructor(private readonly sendSignal: (toParticipantId: string, signal: RtcSignal) => void) {}

  get running(): boolean {
    return this.mesh !== null;
  }

  /** Creates the mesh for this participant id (again, if the server handed out a new id after a failed resume). */
  start(selfId: string, iceServers: RTCIceServer[], iceTransportPolicy: RTCIceTransportPolicy): void {
    if (this.mesh && this.selfId === selfId) return;
    this.stop();
    const mesh = new PeerMesh({ selfId, iceServers, iceTransportPolicy, send: (to, signal) => this.sendSignal(to, signal) });
    this.mesh = mesh;
    this.selfId = selfId;
    mesh.on("remote-track", ({ peerId, slot, track }) => {
      if (slot === "camera") markJoinStep(JOIN_MARKS.remoteCameraTrack);
      this.view.update((current) => withTrack(current, peerId, slot, track));
    });
    mesh.on("connection-state", ({ peerId, state }) => {
      if (state === "connected") markJoinStep(JOIN_MARKS.peerConnected);
      this.view.update((current) => ({ ...current, connectionStates: { ...current.connectionStates, [peerId]: state } }));
    });
    mesh.on("stats", ({ peerId, rating, summary }) => {
      this.latestStats = { ...this.latestStats, [peerId]: { rating, summary } };
      // Re-rendering every tile every 2 s for an unchanged level would be wasted work.
      this.view.update((current) => (current.ratings[peerId]?.quality === rating.quality ? current : { ...current, ratings: { ...current.ratings, [peerId]: rating } }));
    });
    mesh.on("audio-levels", ({ levels }) => {
      const speaking = [...levels].filter(([, level]) => level >= SPEAKING_LEVEL).map(([peerId]) => peerId);
      this.view.update((current) => (sameMembers(current.speaking, speaking) ? current : { ...current, speaking }));
    });
    mesh.on("active-speaker", ({ peerId }) => this.view.update((current) => ({ ...current, activeSpeakerId: peerId })));
    mesh.on("error", ({ peerId, operation, error }) => report(error, `${operation} with ${peerId}`));
    mesh.setLocalMedia(this.localMedia).catch((error: unknown) => report(error, "set local media"));
    if (this.receiveOnly) mesh.setReceiveOnly(true).catch((error: unknown) => report(error, "receive only"));
    if (!this.receiveCameras) mesh.setReceiveCameras(false).catch((error: unknown) => report(error, "receive cameras"));
    mesh.setSendQuality(this.quality.send);
    mesh.setReceiveQuality(this.quality.receive);
  }

  stop(): void {
    this.mesh?.close();
    this.mesh = null;
    this.selfId = null;
    this.latestStats = {};
    this.view.set(EMPTY_MEDIA_VIEW);
  }

  handleSignal(fromId: string, signal: RtcSignal): void {
    this.mesh?.handleSignal(fromId, signal);
  }

  /**
   * Makes the mesh match the roster in `welcome`: connects to everyone listed we have no connection with (those
   * present before us expect our offer) and drops connections to anyone who left while we were away.
   */
  syncPeers(peerIds: readonly string[]): void {
    const mesh = this.mesh;
    if (!mesh) return;
    for (const peerId of mesh.peerIds) if (!peerIds.includes(peerId)) this.removePeer(peerId);
    for (const peerId of peerIds) if (peerId !== this.selfId) mesh.connect(peerId);
  }

  removePeer(peerId: string): void {
    this.mesh?.removePeer(peerId);
    this.latestStats = without(this.latestStats, peerId);
    this.view.update((current) => withoutParticipant(current, peerId));
  }

  setLocalMedia(media: LocalMedia): void {
    this.localMedia = { ...this.localMedia, ...media };
    this.mesh?.setLocalMedia(media).catch((error: unknown) => report(error, "set local media"));
  }

  setReceiveOnly(value: boolean): void {
    if (this.receiveOnly === value) return;
    this.receiveOnly = value;
    this.mesh?.setReceiveOnly(value).catch((error: unknown) => report(error, "receive only"));
  }

  /** Audio only off/on: whether peers send us their cameras (see PeerMesh.setReceiveCameras). */
  setReceiveCameras(value: boolean): void {
    if (this.receiveCameras === value) return;
    this.receiveCameras = value;
    this.mesh?.setReceiveCameras(value).catch((error: unknown) => report(error, "receive cameras"));
  }

  setQuality(choice: QualityChoice): void {
    this.quality = choice;
    this.mesh?.setSendQuality(choice.send);
    this.mesh?.setReceiveQuality(choice.receive);
  }

  readonly readStats = (): StatsReading => Object.entries(this.latestStats).map(([peerId, stats]) => ({ peerId, ...stats }));
}
