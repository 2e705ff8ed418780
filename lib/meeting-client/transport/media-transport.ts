import { type MediaPath, SFU_FROM_PARTICIPANTS } from "@/lib/domain/media-path";
import type { LocalMedia } from "@/lib/rtc";
import type { RtcSignal } from "@/lib/signaling";
import { Store } from "@/lib/meeting-client/store";
import { EMPTY_MEDIA_VIEW, type MediaView, type StatsReading } from "./media-view";
import { MeshTransport, type QualityChoice } from "./mesh-transport";
import { mergeDuringSwitch, pendingTracks, switchComplete, TrackLiveness } from "./path-switch";
import { SfuPath, type SfuStart } from "./sfu-path";

export type MediaJoin = {
  selfId: string;
  participantIds: readonly string[];
  iceServers: RTCIceServer[];
  iceTransportPolicy: RTCIceTransportPolicy;
  receiveOnly: boolean;
  /** The path the room says the meeting takes now (room settings `mediaPath`). */
  mediaPath: MediaPath;
  /** The SFU did not answer and the meeting went peer-to-peer instead. */
  onSfuUnavailable: () => void;
};

/** Which path carries the meeting, and whether it is moving to it (the old path still runs). */
export type MediaRoute = { carrier: MediaPath; switching: boolean };

/** The media path as the meeting session drives it; the session's unit tests give it a fake. */
export interface MediaTransport {
  readonly view: Store<MediaView>;
  readonly route: Store<MediaRoute>;
  join(options: MediaJoin): void;
  /** The room moved the meeting to the other path: move over without a gap (make-before-break). */
  switchTo(path: MediaPath, participantIds: readonly string[]): void;
  /** Who is in the meeting now: a failed SFU falls back to a mesh among them while the meeting is small. */
  setRoster(participantIds: readonly string[]): void;
  stop(): void;
  handleSignal(fromId: string, signal: RtcSignal): void;
  removePeer(peerId: string): void;
  setLocalMedia(media: LocalMedia): void;
  setReceiveOnly(receiveOnly: boolean): void;
  setReceiveCameras(receive: boolean): void;
  setQuality(choice: QualityChoice): void;
  /** Through the SFU, the simulcast layer each person's camera needs for its tile; the mesh sizes per peer itself. */
  setTileSubstreams(tiles: Readonly<Record<string, number>>): void;
  /** Through the SFU, cameras whose tiles are off-screen are paused; the mesh keeps receiving them. */
  setHiddenCameras(participantIds: ReadonlySet<string>): void;
  readonly readStats: () => StatsReading;
}

/** The mesh and SFU paths as this transport uses them (MeshTransport, SfuPath); tests give fakes. */
export type MeshLike = Pick<MeshTransport, "view" | "running" | "start" | "stop" | "handleSignal" | "syncPeers" | "removePeer" | "setLocalMedia" | "setReceiveOnly" | "setReceiveCameras" | "setQuality" | "readStats">;
export type SfuLike = Pick<SfuPath, "view" | "running" | "stop" | "onFailure" | "setLocalMedia" | "setReceiveCameras" | "setQuality" | "setTileSubstreams" | "setHiddenCameras" | "readStats"> & {
  start(selfId: string, iceServers: RTCIceServer[], iceTransportPolicy: RTCIceTransportPolicy): Promise<SfuStart>;
};

/** A switch that has not completed by then completes anyway: the old path stops even if some track never came. */
export const SWITCH_DEADLINE_MS = 8_000;
/** Back on the SFU after a failure, others may return a little later: a longer wait before the mesh goes. */
export const RECOVERY_DEADLINE_MS = 15_000;
/**
 * Once this browser has moved, the old path keeps running (unseen) this long: the others, each finishing its own
 * move, may still be showing what it sends them there.
 */
export const OLD_PATH_LINGER_MS = 4_000;
/**
 * After the SFU failed mid-call, the waits before each attempt to reach it again (placement may pick another
 * instance): often at first, since a restarted Janus is back within seconds and everyone should return together;
 * then every 10 s.
 */
export const SFU_RETRY_DELAYS_MS = [500, 1_000, 1_000, 1_000, 2_000, 2_000, 5_000, 10_000] as const;

/**
 * The meeting's media path: the peer mesh or the SFU, as the room decides (`mediaPath`), with a live move between
 * them. Moving is make-before-break: the new path starts while the old one still carries the meeting, each
 * person's picture and voice switch to the new path as its tracks go live, and the old path stops once the new
 * one carries everything it did (or after SWITCH_DEADLINE_MS). When the SFU does not answer, the meeting stays on
 * (or goes back to) the mesh. Local media and quality choices go to both paths, so either follows them.
 */
export class MeshOrSfuTransport implements MediaTransport {
  readonly view = new Store<MediaView>(EMPTY_MEDIA_VIEW);
  readonly route = new Store<MediaRoute>({ carrier: "mesh", switching: false });
  private readonly mesh: MeshLike;
  private readonly sfu: SfuLike;
  /** The path that carries the meeting, or that it is moving to. */
  private carrier: MediaPath = "mesh";
  /** The path the room wants; differs from the carrier while the SFU is down and the mesh stands in. */
  private wanted: MediaPath = "mesh";
  private roster: readonly string[] = [];
  private retry: { timer: ReturnType<typeof setTimeout>; attempt: number } | null = null;
  private joined: MediaJoin | null = null;
  private deadline: ReturnType<typeof setTimeout> | null = null;
  /** The old path after a completed move, still sending for the others until it stops. */
  private lingering: { path: MeshLike | SfuLike; timer: ReturnType<typeof setTimeout> } | null = null;
  private readonly liveness: TrackLiveness;

  constructor(
    roomId: string,
    sendSignal: (toParticipantId: string, signal: RtcSignal) => void,
    parts?: { mesh: MeshLike; sfu: SfuLike; liveness?: TrackLiveness },
  ) {
    this.mesh = parts?.mesh ?? new MeshTransport(sendSignal);
    this.sfu = parts?.sfu ?? new SfuPath(roomId);
    this.liveness = parts?.liveness ?? new TrackLiveness();
    this.mesh.view.subscribe(() => this.refresh());
    this.sfu.view.subscribe(() => this.refresh());
    this.sfu.onFailure(() => this.recoverFromSfuFailure());
  }

  join(options: MediaJoin): void {
    this.joined = options;
    this.roster = options.participantIds;
    this.wanted = options.mediaPath;
    if (options.mediaPath === "sfu") void this.moveToSfu(options.participantIds);
    else this.moveToMesh(options.participantIds);
  }

  switchTo(path: MediaPath, participantIds: readonly string[]): void {
    this.wanted = path;
    if (!this.joined || path === this.carrier) return;
    this.stopRetrying();
    if (path === "sfu") void this.moveToSfu(participantIds);
    else this.moveToMesh(participantIds);
  }

  setRoster(participantIds: readonly string[]): void {
    this.roster = participantIds;
  }

  stop(): void {
    this.joined = null;
    this.stopLingering();
    this.stopRetrying();
    this.clearDeadline();
    this.mesh.stop();
    this.sfu.stop();
    this.carrier = "mesh";
    this.refresh();
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
    if (this.joined) this.joined = { ...this.joined, receiveOnly };
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

  setHiddenCameras(participantIds: ReadonlySet<string>): void {
    this.sfu.setHiddenCameras(participantIds);
  }

  /** Quality reports and samples come from the path that carries the media: mesh peers, or the SFU's two legs. */
  readonly readStats = (): StatsReading => (this.carrier === "sfu" ? this.sfu.readStats() : this.mesh.readStats());

  private moveToMesh(participantIds: readonly string[]): void {
    const joined = this.joined;
    if (!joined) return;
    this.stopLingering();
    this.carrier = "mesh";
    this.mesh.start(joined.selfId, joined.iceServers, joined.iceTransportPolicy);
    this.mesh.setReceiveOnly(joined.receiveOnly);
    this.mesh.syncPeers(participantIds);
    this.armDeadline(SWITCH_DEADLINE_MS);
    this.refresh();
  }

  private async moveToSfu(participantIds: readonly string[], recovering = false): Promise<void> {
    const joined = this.joined;
    if (!joined) return;
    this.stopLingering();
    this.carrier = "sfu";
    this.refresh();
    const started = await this.sfu.start(joined.selfId, joined.iceServers, joined.iceTransportPolicy);
    if (this.joined !== joined || this.carrier !== "sfu") return;
    if (started === "started") {
      this.stopRetrying();
      // Back from a failure, the mesh stands in longer: others may return later.
      this.armDeadline(recovering ? RECOVERY_DEADLINE_MS : SWITCH_DEADLINE_MS);
      this.refresh();
      return;
    }
    if (recovering) {
      this.standIn(participantIds);
      return;
    }
    // Everyone's client falls back alike, so the mesh forms (or stays) among them.
    if (started === "unavailable") joined.onSfuUnavailable();
    if (this.mesh.running) {
      this.carrier = "mesh";
      this.refresh();
    } else this.moveToMesh(participantIds);
  }

  /**
   * The SFU carrying the meeting went away (Janus restarted, its instance died). A small meeting goes peer to peer
   * at once (everyone's client does the same) and back to the SFU when it answers again; a large one waits for
   * the SFU, which the app places on a healthy instance.
   */
  private recoverFromSfuFailure(): void {
    if (!this.joined || this.carrier !== "sfu") return;
    this.standIn(this.roster);
    this.scheduleRetry(0);
  }

  /** While the SFU is down: a small meeting's mesh carries it (started now if it is not running). */
  private standIn(participantIds: readonly string[]): void {
    if (participantIds.length < SFU_FROM_PARTICIPANTS) {
      if (!this.mesh.running) this.moveToMesh(participantIds);
      else this.carrier = "mesh";
    }
    this.refresh();
  }

  private scheduleRetry(attempt: number): void {
    if (this.retry || !this.joined || this.wanted !== "sfu") return;
    const delay = SFU_RETRY_DELAYS_MS[Math.min(attempt, SFU_RETRY_DELAYS_MS.length - 1)]!;
    const timer = setTimeout(() => {
      this.retry = null;
      if (!this.joined || this.wanted !== "sfu" || this.sfu.running) return;
      void this.moveToSfu(this.roster, true).then(() => {
        if (!this.sfu.running) this.scheduleRetry(attempt + 1);
      });
    }, delay);
    this.retry = { timer, attempt };
  }

  private stopRetrying(): void {
    if (this.retry) clearTimeout(this.retry.timer);
    this.retry = null;
  }

  /** The path that is not the carrier, while it still runs: the meeting is between the two. */
  private previousPath(): MeshLike | SfuLike | null {
    const previous = this.carrier === "sfu" ? this.mesh : this.sfu;
    return previous.running && this.lingering?.path !== previous ? previous : null;
  }

  private refresh(): void {
    const current = (this.carrier === "sfu" ? this.sfu : this.mesh).view.get();
    const previous = this.previousPath();
    this.showRoute(previous !== null);
    if (!previous) {
      this.view.set(current);
      return;
    }
    const previousView = previous.view.get();
    const carrierRunning = (this.carrier === "sfu" ? this.sfu : this.mesh).running;
    const { isLive } = this.liveness;
    if (carrierRunning && switchComplete(current.tracks, previousView.tracks, isLive)) {
      this.completeSwitch();
      return;
    }
    for (const track of pendingTracks(current, isLive)) this.liveness.watch(track, () => this.refresh());
    this.view.set(mergeDuringSwitch(current, previousView, isLive));
  }

  private completeSwitch(): void {
    this.clearDeadline();
    const previous = this.previousPath();
    if (previous) this.linger(previous);
    this.view.set((this.carrier === "sfu" ? this.sfu : this.mesh).view.get());
    this.showRoute(false);
  }

  private linger(path: MeshLike | SfuLike): void {
    this.stopLingering();
    const timer = setTimeout(() => {
      if (this.lingering?.path !== path) return;
      this.lingering = null;
      path.stop();
    }, OLD_PATH_LINGER_MS);
    this.lingering = { path, timer };
  }

  /** The old path is wanted again (the meeting moves back) or everything stops. */
  private stopLingering(): void {
    if (this.lingering) clearTimeout(this.lingering.timer);
    this.lingering = null;
  }

  private showRoute(switching: boolean): void {
    const route = this.route.get();
    if (route.carrier !== this.carrier || route.switching !== switching) this.route.set({ carrier: this.carrier, switching });
  }

  private armDeadline(ms: number): void {
    this.clearDeadline();
    if (!this.previousPath()) return;
    this.deadline = setTimeout(() => {
      this.deadline = null;
      if (this.previousPath()) this.completeSwitch();
    }, ms);
  }

  private clearDeadline(): void {
    if (this.deadline !== null) clearTimeout(this.deadline);
    this.deadline = null;
  }
}
