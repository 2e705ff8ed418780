import type { RtcConnectionSignal, RtcIceCandidate, RtcSessionDescription, RtcSignal } from "../signaling/rtc-signal";
import { preferVideoCodecs } from "./codec-preferences";
import { applyEncodingCaps, type EncodingCaps } from "./encoding-caps";
import { IceRecovery } from "./ice-recovery";
import { MEDIA_SLOTS, mediaSectionMids, slotForMid, trackKindOf, type MediaSlot } from "./media-slots";
import { withOpusFecAndDtx } from "./opus-fmtp";
import { startBitrateKbps, withVideoStartBitrate } from "./start-bitrate";
import { isPolite } from "./politeness";

/** What this browser wants to send, shared by every session of a mesh. */
export type LocalMediaState = {
  tracks: Record<MediaSlot, MediaStreamTrack | null>;
  /** Publish nothing (observers). */
  receiveOnly: boolean;
  /** Receive others' cameras; off in audio-only mode, so peers stop sending them and the downlink is freed. */
  receiveCameras: boolean;
  /**
   * Stream ids announced per slot (the SDP msid): audio and camera share one so the receiver lip-syncs them,
   * the screen has its own. Only the ids matter; the streams stay empty.
   */
  streams: Record<MediaSlot, MediaStream>;
};

export type SenderCaps = Record<MediaSlot, EncodingCaps>;

export type PeerSessionOptions = {
  selfId: string;
  peerId: string;
  configuration: RTCConfiguration;
  localMedia: LocalMediaState;
  send: (signal: RtcSignal) => void;
  onRemoteTrack: (slot: MediaSlot, track: MediaStreamTrack) => void;
  onConnectionState: (state: RTCPeerConnectionState) => void;
  onError: (error: unknown, operation: string) => void;
};

function candidateSignal(candidate: RTCIceCandidate | null): RtcSignal {
  // Gathering ends with a null candidate (Chrome) or an empty one (Firefox): both mean end-of-candidates.
  if (!candidate?.candidate) return { kind: "end-of-candidates" };
  return {
    kind: "candidate",
    candidate: {
      candidate: candidate.candidate,
      sdpMid: candidate.sdpMid,
      sdpMLineIndex: candidate.sdpMLineIndex,
      usernameFragment: candidate.usernameFragment,
    },
  };
}

/**
 * One RTCPeerConnection to one remote participant, negotiated with the "perfect negotiation" pattern
 * (W3C webrtc-pc §10.7): either side may renegotiate at any time; when offers cross, the impolite side ignores
 * the incoming one and the polite side rolls its own back and answers.
 */
export class PeerSession {
  private connection: RTCPeerConnection;
  private readonly slots = new Map<MediaSlot, RTCRtpTransceiver>();
  /** Whether our startOffer() made the current connection's transceivers (rather than a remote offer). */
  private createdTransceivers = false;
  private makingOffer = false;
  private ignoreOffer = false;
  private isSettingRemoteAnswerPending = false;
  /** Remote candidates (null: end-of-candidates) that arrived before any remote description. */
  private pendingCandidates: (RtcIceCandidate | null)[] = [];
  private readonly iceRecovery: IceRecovery;
  private senderCaps: SenderCaps | null = null;
  private capsApplied: Promise<void> = Promise.resolve();
  /** The current connection's `x-google-start-bitrate`, fixed at its first remote description (see start-bitrate.ts). */
  private startBitrate: number | null | undefined;

  constructor(private readonly options: PeerSessionOptions) {
    this.connection = this.createConnection();
    this.iceRecovery = new IceRecovery(
      () => this.connection.restartIce(),
      () => this.connection.connectionState === "connected",
    );
  }

  get peerConnection(): RTCPeerConnection {
    return this.connection;
  }

  /** The receiver of the peer's microphone, once the transceivers exist. */
  get audioReceiver(): RTCRtpReceiver | undefined {
    return this.slots.get("audio")?.receiver;
  }

  private get polite(): boolean {
    const { selfId, peerId } = this.options;
    const negotiated = this.connection.currentRemoteDescription !== null;
    return isPolite({ selfId, peerId, createdTransceivers: negotiated ? this.createdTransceivers : null });
  }

  /**
   * Creates the three transceivers in slot order, with the current caps as their encodings, and offers.
   * Only the side that offers first creates them: a remote offer brings its own (see adoptOfferedTransceivers).
   */
  startOffer(): void {
    const { tracks, streams } = this.options.localMedia;
    const caps = this.senderCaps;
    for (const slot of MEDIA_SLOTS) {
      const transceiver = this.connection.addTransceiver(tracks[slot] ?? trackKindOf(slot), {
        direction: this.direction(slot),
        streams: [streams[slot]],
        ...(caps ? { sendEncodings: [{ ...caps[slot] }] } : {}),
      });
      this.preferCodecs(slot, transceiver);
      this.slots.set(slot, transceiver);
    }
    this.createdTransceivers = true;
    // Offer now rather than on `negotiationneeded`: that event is a task queued behind whatever the page does
    // meanwhile (the meeting view's first render on joining). The event then finds the offer under way and stays
    // silent, as the spec has it (it fires only when stable with nothing in flight).
    void this.offer(this.connection);
  }

  handleSignal(signal: RtcConnectionSignal): Promise<void> {
    switch (signal.kind) {
      case "description":
        return this.handleDescription(signal.description);
      case "candidate":
        return this.handleCandidate(signal.candidate);
      case "end-of-candidates":
        return this.handleCandidate(null);
    }
  }

  /** Brings senders in line with the local media state: `replaceTrack` and direction, never new transceivers. */
  async syncLocalMedia(): Promise<void> {
    const { tracks } = this.options.localMedia;
    await Promise.all(
      [...this.slots].map(async ([slot, transceiver]) => {
        // Changing direction renegotiates, which is only meant to happen for setReceiveOnly / setReceiveCameras.
        const direction = this.direction(slot);
        if (transceiver.direction !== direction) transceiver.direction = direction;
        if (transceiver.sender.track !== tracks[slot]) await transceiver.sender.replaceTrack(tracks[slot]);
      }),
    );
  }

  setSenderCaps(caps: SenderCaps): void {
    this.senderCaps = caps;
    this.applySenderCaps();
  }

  close(): void {
    this.iceRecovery.cancel();
    this.connection.close();
  }

  private direction(slot: MediaSlot): RTCRtpTransceiverDirection {
    const { receiveOnly, receiveCameras } = this.options.localMedia;
    const receive = slot !== "camera" || receiveCameras;
    if (receiveOnly) return receive ? "recvonly" : "inactive";
    return receive ? "sendrecv" : "sendonly";
  }

  private createConnection(): RTCPeerConnection {
    const connection = new RTCPeerConnection(this.options.configuration);
    // Events of a connection we replaced (see handleDescription) must not touch the current one's state.
    const current = () => connection === this.connection;

    connection.addEventListener("negotiationneeded", () => void this.offer(connection));
    connection.addEventListener("icecandidate", ({ candidate }) => {
      if (current()) this.options.send(candidateSignal(candidate));
    });
    connection.addEventListener("track", ({ transceiver, track }) => {
      const sdp = connection.remoteDescription?.sdp;
      const slot = sdp ? slotForMid(sdp, transceiver.mid) : null;
      if (current() && slot && trackKindOf(slot) === track.kind) this.options.onRemoteTrack(slot, track);
    });
    connection.addEventListener("connectionstatechange", () => {
      if (!current()) return;
      this.iceRecovery.onConnectionState(connection.connectionState);
      this.options.onConnectionState(connection.connectionState);
    });
    connection.addEventListener("signalingstatechange", () => {
      // Senders of transceivers created by a remote offer have no encodings until negotiation completes.
      if (current() && connection.signalingState === "stable") this.applySenderCaps();
    });
    return connection;
  }

  private async offer(connection: RTCPeerConnection): Promise<void> {
    const current = () => connection === this.connection;
    if (!current()) return;
    try {
      this.makingOffer = true;
      await connection.setLocalDescription();
      if (current()) this.sendLocalDescription();
    } catch (error) {
      if (current()) this.options.onError(error, "offer");
    } finally {
      if (current()) this.makingOffer = false;
    }
  }

  private async handleDescription(description: RtcSessionDescription): Promise<void> {
    const readyForOffer =
      !this.makingOffer && (this.connection.signalingState === "stable" || this.isSettingRemoteAnswerPending);
    const offerCollision = description.type === "offer" && !readyForOffer;
    this.ignoreOffer = !this.polite && offerCollision;
    if (this.ignoreOffer) return;

    if (offerCollision && this.connection.currentRemoteDescription === null) this.restartAsAnswerer();

    this.isSettingRemoteAnswerPending = description.type === "answer";
    try {
      // For a colliding offer on the polite side, this implicitly rolls our own offer back first.
      await this.connection.setRemoteDescription({ type: description.type, sdp: this.withSendParameters(description.sdp) });
    } finally {
      this.isSettingRemoteAnswerPending = false;
    }
    await this.flushPendingCandidates();
    if (description.type !== "offer") return;

    this.adoptOfferedTransceivers();
    // Directions change synchronously (the answer needs them); the tracks are attached while the answer is made,
    // since replaceTrack needs no negotiation and would otherwise hold the answer back by a thread round trip.
    const tracksAttached = this.syncLocalMedia();
    try {
      await this.connection.setLocalDescription();
      this.sendLocalDescription();
    } finally {
      await tracksAttached;
    }
  }

  /**
   * Our first offer crossed theirs and we are polite. Rolling back would strand our three transceivers: JSEP
   * lets a remote offer reuse only transceivers made by addTrack, so it would bring three more and a second
   * negotiation would follow. Nothing was ever negotiated on this connection, so answer on a fresh one instead.
   */
  private restartAsAnswerer(): void {
    this.connection.close();
    this.slots.clear();
    this.createdTransceivers = false;
    this.startBitrate = undefined;
    this.pendingCandidates = [];
    this.makingOffer = false;
    this.connection = this.createConnection();
  }

  /** Our sender's settings ride on the remote description: Opus FEC/DTX, and the bandwidth estimate's start. */
  private withSendParameters(sdp: string): string {
    const { tracks } = this.options.localMedia;
    if (this.startBitrate === undefined) {
      const sending = { audio: tracks.audio !== null, camera: tracks.camera !== null, screen: tracks.screen !== null };
      this.startBitrate = startBitrateKbps(this.senderCaps, sending);
    }
    const withOpus = withOpusFecAndDtx(sdp);
    return this.startBitrate === null ? withOpus : withVideoStartBitrate(withOpus, this.startBitrate);
  }

  /** Maps the transceivers a remote offer created to slots by m-section order, once. */
  private adoptOfferedTransceivers(): void {
    if (this.slots.size > 0) return;
    const sdp = this.connection.remoteDescription?.sdp ?? "";
    const mids = mediaSectionMids(sdp);
    for (const transceiver of this.connection.getTransceivers()) {
      const slot = MEDIA_SLOTS[mids.indexOf(transceiver.mid)];
      if (!slot || trackKindOf(slot) !== transceiver.receiver.track.kind || this.slots.has(slot)) continue;
      transceiver.sender.setStreams(this.options.localMedia.streams[slot]);
      this.preferCodecs(slot, transceiver);
      this.slots.set(slot, transceiver);
    }
  }

  private preferCodecs(slot: MediaSlot, transceiver: RTCRtpTransceiver): void {
    if (trackKindOf(slot) !== "video") return;
    const codecs = RTCRtpReceiver.getCapabilities("video")?.codecs;
    if (codecs) transceiver.setCodecPreferences(preferVideoCodecs(codecs));
  }

  private sendLocalDescription(): void {
    const description = this.connection.localDescription;
    if (description?.type === "offer" || description?.type === "answer") {
      this.options.send({ kind: "description", description: { type: description.type, sdp: description.sdp } });
    }
  }

  private async handleCandidate(candidate: RtcIceCandidate | null): Promise<void> {
    // Candidates that follow an offer we ignored belong to it; the ordered relay delivers them before anything new.
    if (this.ignoreOffer) return;
    if (this.connection.remoteDescription === null) {
      this.pendingCandidates.push(candidate);
      return;
    }
    await this.connection.addIceCandidate(candidate ?? undefined);
  }

  private async flushPendingCandidates(): Promise<void> {
    const candidates = this.pendingCandidates;
    this.pendingCandidates = [];
    // Queued synchronously, so they reach the connection's operations chain before any candidate arriving later.
    await Promise.all(candidates.map((candidate) => this.connection.addIceCandidate(candidate ?? undefined)));
  }

  private applySenderCaps(): void {
    const caps = this.senderCaps;
    // Until the first exchange completes, caps wait for the `stable` transition (which applies them): earlier
    // setParameters calls would only compete with the offer and answer for the browser's WebRTC thread.
    if (!caps || this.connection.currentRemoteDescription === null) return;
    // setParameters rejects while a previous call on the same sender is in flight, so apply one round at a time.
    this.capsApplied = this.capsApplied.then(() =>
      Promise.all([...this.slots].map(([slot, transceiver]) => applyEncodingCaps(transceiver.sender, caps[slot])))
        .then(() => undefined)
        .catch((error: unknown) => this.options.onError(error, "set sender parameters")),
    );
  }
}
