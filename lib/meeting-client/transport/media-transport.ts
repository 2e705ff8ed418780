import type { LocalMedia } from "@/lib/rtc";
import type { RtcSignal } from "@/lib/signaling";
import { Store } from "@/lib/meeting-client/store";
import { EMPTY_MEDIA_VIEW, type MediaView, type StatsReading } from "./media-view";
import { MeshTransport, type QualityChoice } from "./mesh-transport";
import { SfuPath } from "./sfu-path";

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

/** The media path as the meeting session drives it; the session's unit tests give it a fake. */
export interface MediaTransport {
  readonly view: Store<MediaView>;
  join(options: MediaJoin): void;
  stop(): void;
  handleSignal(fromId: string, signal: RtcSignal): void;
  removePeer(peerId: string): void;
  setLocalMedia(media: LocalMedia): void;
  setReceiveOnly(receiveOnly: boolean): void;
  setReceiveCameras(receive: boolean): void;
  setQuality(choice: QualityChoice): void;
  /** Through the SFU, the simulcast layer each person's camera needs for its tile; the mesh sizes per peer itself. */
  setTileSubstreams(tiles: Readonly<Record<string, number>>): void;
  readonly readStats: () => StatsReading;
}

/**
 * The meeting's media path: the peer mesh, or for large meetings the SFU (falling back to the mesh when no media
 * server answers). One view and one set of controls, whichever carries the media; local media and quality
 * choices go to both, so whichever carries the meeting follows them.
 */
export class MeshOrSfuTransport implements MediaTransport {
  readonly view = new Store<MediaView>(EMPTY_MEDIA_VIEW);
  private readonly mesh: MeshTransport;
  private readonly sfu: SfuPath;
  private viaSfu = false;

  constructor(roomId: string, sendSignal: (toParticipantId: string, signal: RtcSignal) => void) {
    this.mesh = new MeshTransport(sendSignal);
    this.sfu = new SfuPath(roomId);
    this.mesh.view.subscribe(() => this.showCurrentPath());
    this.sfu.view.subscribe(() => this.showCurrentPath());
  }

  join(options: MediaJoin): void {
    const startMesh = () => {
      this.mesh.start(options.selfId, options.iceServers, options.iceTransportPolicy);
      this.mesh.setReceiveOnly(options.receiveOnly);
      this.mesh.syncPeers(options.participantIds);
    };
    if (!options.largeMeeting) return startMesh();
    this.setViaSfu(true);
    void this.sfu.start(options.selfId, options.iceServers, options.iceTransportPolicy).then((started) => {
      if (started) return;
      // Everyone's client falls back alike, so the mesh forms among them.
      this.setViaSfu(false);
      options.onSfuUnavailable();
      startMesh();
    });
  }

  stop(): void {
    this.mesh.stop();
    this.sfu.stop();
    this.setViaSfu(false);
  }

  handleSignal(fromId: string, signal: RtcSignal): void {
    this.mesh.handleSignal(fromId, signal);
  }

  removePeer(peerId: string): void {
    this.mesh.removePeer(peerId);
  }

  setLocalMedia(media: LocalMedia): void {
    this.mesh.setLocalMedia(media);
    this.sfu.setLocalMedia(media);
  }

  setReceiveOnly(receiveOnly: boolean): void {
    this.mesh.setReceiveOnly(receiveOnly);
  }

  setReceiveCameras(receive: boolean): void {
    this.mesh.setReceiveCameras(receive);
    this.sfu.setReceiveCameras(receive);
  }

  setQuality(choice: QualityChoice): void {
    this.mesh.setQuality(choice);
    this.sfu.setQuality(choice);
  }

  setTileSubstreams(tiles: Readonly<Record<string, number>>): void {
    this.sfu.setTileSubstreams(tiles);
  }

  /** Quality reports and samples come from whichever path carries the media: mesh peers, or the SFU's two legs. */
  readonly readStats = (): StatsReading => (this.viaSfu ? this.sfu.readStats() : this.mesh.readStats());

  private setViaSfu(viaSfu: boolean): void {
    this.viaSfu = viaSfu;
    this.showCurrentPath();
  }

  private showCurrentPath(): void {
    this.view.set(this.viaSfu ? this.sfu.view.get() : this.mesh.view.get());
  }
}
