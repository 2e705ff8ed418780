import { nextActiveSpeaker, initialActiveSpeakerState, type ActiveSpeakerState } from "../domain/active-speaker";
import { rateConnection, type ConnectionRating } from "../domain/connection-quality";
import type { StatsSummary } from "../domain/stats-summary";
import type { RtcSignal } from "../signaling/rtc-signal";
import { AudioLevelSampler } from "./audio-level-sampler";
import { trackKindOf, type MediaSlot } from "./media-slots";
import { lowerCap, receiveRequest, sendCeilingKbps, type ReceiveQuality, type SendQuality } from "../domain/video-quality";
import { meshSendCaps } from "./mesh-send-caps";
import { PeerSession, type LocalMediaState } from "./peer-session";
import { StatsSampler } from "./stats-sampler";
import { TypedEmitter } from "./typed-emitter";

export type PeerMeshOptions = {
  selfId: string;
  iceServers: RTCIceServer[];
  /** `relay` forces every path through TURN (hides participants' addresses; also how relaying is tested). */
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** Delivers a signal to one participant through the signaling relay; the engine never touches sockets. */
  send: (toParticipantId: string, signal: RtcSignal) => void;
};

/** A key left out keeps its current track; `null` stops sending on that slot. `video` is the camera. */
export type LocalMedia = {
  audio?: MediaStreamTrack | null;
  video?: MediaStreamTrack | null;
  screen?: MediaStreamTrack | null;
};

export type PeerMeshEvents = {
  /**
   * A peer's track for one slot. Slots are fixed, so the track exists even while the peer sends nothing on it;
   * whether they do (camera on, sharing) is meeting state, not something a receiver can tell reliably.
   */
  "remote-track": { peerId: string; slot: MediaSlot; track: MediaStreamTrack };
  "connection-state": { peerId: string; state: RTCPeerConnectionState };
  /** Every STATS_INTERVAL_MS per peer; `rating` is smoothed across intervals. */
  stats: { peerId: string; summary: StatsSummary; rating: ConnectionRating };
  /** Every AUDIO_LEVEL_INTERVAL_MS: each connected peer's current level, 0–1. */
  "audio-levels": { levels: ReadonlyMap<string, number> };
  /** The remote participant on stage changed (null: nobody yet, or the speaker left). */
  "active-speaker": { peerId: string | null };
  /** Something failed on one peer's connection; the engine keeps going (ICE restarts, later renegotiations). */
  error: { peerId: string; operation: string; error: unknown };
};

/**
 * The WebRTC mesh of one meeting participant: one PeerSession per remote participant, the local media every
 * session sends, the bitrate policy across them, and the stats, quality and active-speaker feeds.
 */
export class PeerMesh {
  private readonly sessions = new Map<string, PeerSession>();
  private readonly events = new TypedEmitter<PeerMeshEvents>();
  private readonly localMedia: LocalMediaState;
  private readonly statsSampler: StatsSampler;
  private readonly audioLevelSampler: AudioLevelSampler;
  private readonly scores = new Map<string, number>();
  private speakers: ActiveSpeakerState = initialActiveSpeakerState;
  private readonly targetVideoKbps = new Map<string, number>();
  /** Camera ceilings each peer asked us for (their receive quality). */
  private readonly peerCeilings = new Map<string, number | null>();
  private sendCeiling: number | null = null;
  /** What we ask every peer to send us; null for no cap. */
  private receiveCeiling: number | null = null;
  private closed = false;

  constructor(private readonly options: PeerMeshOptions) {
    const audioAndCamera = new MediaStream();
    this.localMedia = {
      tracks: { audio: null, camera: null, screen: null },
      receiveOnly: false,
      receiveCameras: true,
      streams: { audio: audioAndCamera, camera: audioAndCamera, screen: new MediaStream() },
    };
    this.statsSampler = new StatsSampler(
      () => [...this.sessions].map(([peerId, session]) => [peerId, session.peerConnection] as const),
      (peerId, summary) => this.onSummary(peerId, summary),
      (peerId, error) => this.reportError(peerId, "get stats", error),
    );
    this.audioLevelSampler = new AudioLevelSampler(
      () => [...this.sessions].flatMap(([peerId, session]) => (session.audioReceiver ? [[peerId, session.audioReceiver] as const] : [])),
      (levels, at) => this.onAudioLevels(levels, at),
    );
  }

  /** Subscribes to an event; returns the unsubscribe function. */
  on<Type extends keyof PeerMeshEvents>(type: Type, listener: (event: PeerMeshEvents[Type]) => void): () => void {
    return this.events.on(type, listener);
  }

  get peerIds(): string[] {
    return [...this.sessions.keys()];
  }

  /** Resolves once every connection sends the new tracks. */
  async setLocalMedia(media: LocalMedia): Promise<void> {
    const changes = (
      [
        ["audio", media.audio],
        ["camera", media.video],
        ["screen", media.screen],
      ] as const
    ).filter((change): change is readonly [MediaSlot, MediaStreamTrack | null] => change[1] !== undefined);
    for (const [slot, track] of changes) {
      if (track && track.kind !== trackKindOf(slot)) throw new TypeError(`The ${slot} slot takes a ${trackKindOf(slot)} track, not ${track.kind}`);
    }
    for (const [slot, track] of changes) this.localMedia.tracks[slot] = track;
    this.applySendCaps();
    await this.syncSessions();
  }

  /** The person's send quality: caps the camera on every connection (lib/domain/video-quality.ts). */
  setSendQuality(quality: SendQuality): void {
    this.sendCeiling = sendCeilingKbps(quality);
    this.applySendCaps();
  }

  /**
   * The person's receive quality: every peer is asked to cap the camera it sends us (data saver). Audio only is
   * setReceiveCameras(false), which the quality suggestion also drives, so the caller combines the two.
   */
  setReceiveQuality(quality: ReceiveQuality): void {
    const { cameraKbps } = receiveRequest(quality);
    if (cameraKbps === this.receiveCeiling) return;
    this.receiveCeiling = cameraKbps;
    for (const peerId of this.sessions.keys()) this.options.send(peerId, { kind: "receive-preference", cameraKbps });
  }

  /** Observers publish nothing: every transceiver becomes recvonly (one renegotiation per connection). */
  async setReceiveOnly(receiveOnly: boolean): Promise<void> {
    this.localMedia.receiveOnly = receiveOnly;
    await this.syncSessions();
  }

  /**
   * Audio only: others' camera m-sections become send-only (or inactive) on our side, so each peer stops sending
   * us its camera (one renegotiation per connection) instead of us merely hiding what still arrives.
   */
  async setReceiveCameras(receive: boolean): Promise<void> {
    this.localMedia.receiveCameras = receive;
    await this.syncSessions();
  }

  /**
   * Opens a connection to a participant who was in the room before us and offers at once: the joiner offering
   * to everyone is the fastest way to first media. Calling it for a peer we already have does nothing.
   */
  connect(peerId: string): void {
    if (this.closed) throw new Error("PeerMesh is closed");
    if (this.sessions.has(peerId)) return;
    this.createSession(peerId).startOffer();
  }

  /** Feeds a signal from a peer; an offer from a peer we have no connection with opens one. */
  handleSignal(fromId: string, signal: RtcSignal): void {
    if (this.closed) return;
    if (signal.kind === "receive-preference") {
      // Unchanged, it would only re-apply every encoder's parameters for nothing.
      if (this.peerCeilings.get(fromId) === signal.cameraKbps) return;
      this.peerCeilings.set(fromId, signal.cameraKbps);
      this.applySendCaps();
      return;
    }
    let session = this.sessions.get(fromId);
    if (!session) {
      // Anything else from an unknown peer is a leftover of a connection we already closed.
      if (signal.kind !== "description" || signal.description.type !== "offer") return;
      session = this.createSession(fromId);
    }
    session.handleSignal(signal).catch((error: unknown) => this.reportError(fromId, `handle ${signal.kind}`, error));
  }

  removePeer(peerId: string): void {
    const session = this.sessions.get(peerId);
    if (!session) return;
    session.close();
    this.sessions.delete(peerId);
    this.statsSampler.forget(peerId);
    this.scores.delete(peerId);
    this.peerCeilings.delete(peerId);
    this.targetVideoKbps.delete(peerId);
    this.applySendCaps();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.statsSampler.stop();
    this.audioLevelSampler.stop();
    for (const session of this.sessions.values()) session.close();
    this.sessions.clear();
    this.events.clear();
  }

  private createSession(peerId: string): PeerSession {
    const { selfId, iceServers, iceTransportPolicy = "all", send } = this.options;
    const session = new PeerSession({
      selfId,
      peerId,
      configuration: { iceServers, iceTransportPolicy, bundlePolicy: "max-bundle", rtcpMuxPolicy: "require" },
      localMedia: this.localMedia,
      send: (signal) => send(peerId, signal),
      onRemoteTrack: (slot, track) => this.events.emit("remote-track", { peerId, slot, track }),
      onConnectionState: (state) => this.events.emit("connection-state", { peerId, state }),
      onError: (error, operation) => this.reportError(peerId, operation, error),
    });
    this.sessions.set(peerId, session);
    if (this.receiveCeiling !== null) this.options.send(peerId, { kind: "receive-preference", cameraKbps: this.receiveCeiling });
    this.applySendCaps();
    return session;
  }

  private async syncSessions(): Promise<void> {
    await Promise.all(
      [...this.sessions].map(([peerId, session]) =>
        session.syncLocalMedia().catch((error: unknown) => this.reportError(peerId, "replace track", error)),
      ),
    );
  }

  /** Re-runs the bitrate policy per connection; called whenever the peer count, what we send or a ceiling changes. */
  private applySendCaps(): void {
    const { camera, screen } = this.localMedia.tracks;
    for (const [peerId, session] of this.sessions) {
      const cameraCeilingKbps = lowerCap(this.sendCeiling, this.peerCeilings.get(peerId));
      const { senderCaps, targetVideoKbps } = meshSendCaps({ remotePeerCount: this.sessions.size, camera, screen, cameraCeilingKbps });
      this.targetVideoKbps.set(peerId, targetVideoKbps);
      session.setSenderCaps(senderCaps);
    }
  }

  private onSummary(peerId: string, summary: StatsSummary): void {
    if (!this.sessions.has(peerId)) return;
    const rating = rateConnection(summary, { previousScore: this.scores.get(peerId), targetVideoKbps: this.targetVideoKbps.get(peerId) ?? 0 });
    this.scores.set(peerId, rating.score);
    this.events.emit("stats", { peerId, summary, rating });
  }

  private onAudioLevels(levels: ReadonlyMap<string, number>, at: number): void {
    if (levels.size === 0 && this.speakers.speakerId === null) return;
    this.events.emit("audio-levels", { levels });
    const previousSpeaker = this.speakers.speakerId;
    this.speakers = nextActiveSpeaker(this.speakers, { at, levels });
    if (this.speakers.speakerId !== previousSpeaker) this.events.emit("active-speaker", { peerId: this.speakers.speakerId });
  }

  private reportError(peerId: string, operation: string, error: unknown): void {
    this.events.emit("error", { peerId, operation, error });
  }
}
