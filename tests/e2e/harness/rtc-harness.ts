/**
 * Browser side of tests/e2e/rtc-engine.spec.ts: one participant built on lib/rtc, driven through
 * `window.harness` and relaying its signals through the Node test via the `sendSignal` binding.
 */
import { PeerMesh, type MediaSlot, type PeerMeshEvents } from "../../../lib/rtc";
import type { RtcSignal } from "../../../lib/signaling/rtc-signal";

type VideoConstraints = { width: number; height: number; frameRate: number };

export type StartOptions = {
  selfId: string;
  iceServers: RTCIceServer[];
  iceTransportPolicy?: RTCIceTransportPolicy;
  audio: boolean;
  video: VideoConstraints | false;
};

type RemoteVideo = { element: HTMLVideoElement; frames: number; firstFrameAt: number | null };

export type PeerSnapshot = {
  state: RTCPeerConnectionState | null;
  cameraFrames: number;
  screenFrames: number;
  cameraSize: string | null;
  screenSize: string | null;
  /** connect() → first camera frame painted, ms; null unless we connected to this peer and a frame arrived. */
  connectToFirstFrameMs: number | null;
  lastStats: PeerMeshEvents["stats"] | null;
};

// Every RTCPeerConnection the engine creates, to count renegotiations and read raw stats the engine summarizes.
const connections: RTCPeerConnection[] = [];
let negotiationNeeded = 0;
const NativePeerConnection = window.RTCPeerConnection;
window.RTCPeerConnection = class InstrumentedPeerConnection extends NativePeerConnection {
  constructor(configuration?: RTCConfiguration) {
    super(configuration);
    connections.push(this);
    this.addEventListener("negotiationneeded", () => (negotiationNeeded += 1));
  }
};

const liveConnections = () => connections.filter((connection) => connection.connectionState !== "closed");

let mesh: PeerMesh | null = null;
let localStream: MediaStream | null = null;
let screenCanvas: { stop: () => void; track: MediaStreamTrack } | null = null;
const states = new Map<string, RTCPeerConnectionState>();
const remoteVideos = new Map<string, RemoteVideo>();
const connectStartedAt = new Map<string, number>();
const lastStats = new Map<string, PeerMeshEvents["stats"]>();
const levelSamples: number[] = [];
const errors: string[] = [];

function requireMesh(): PeerMesh {
  if (!mesh) throw new Error("harness.start() first");
  return mesh;
}

function countFrames(video: RemoteVideo): void {
  video.element.requestVideoFrameCallback(() => {
    video.frames += 1;
    video.firstFrameAt ??= performance.now();
    countFrames(video);
  });
}

function showRemoteTrack({ peerId, slot, track }: PeerMeshEvents["remote-track"]): void {
  if (slot === "audio") {
    // Played out, as in the app: Chrome only decodes (and measures) remote audio that something consumes.
    const audio = document.createElement("audio");
    audio.autoplay = true;
    audio.srcObject = new MediaStream([track]);
    document.body.append(audio);
    return;
  }
  const key = `${peerId}/${slot}`;
  const existing = remoteVideos.get(key);
  if (existing) {
    existing.element.srcObject = new MediaStream([track]);
    return;
  }
  const element = document.createElement("video");
  Object.assign(element, { autoplay: true, muted: true, playsInline: true, width: 160, height: 90 });
  element.srcObject = new MediaStream([track]);
  document.body.append(element);
  const video: RemoteVideo = { element, frames: 0, firstFrameAt: null };
  remoteVideos.set(key, video);
  countFrames(video);
}

function videoSize(peerId: string, slot: MediaSlot): string | null {
  const element = remoteVideos.get(`${peerId}/${slot}`)?.element;
  return element && element.videoWidth > 0 ? `${element.videoWidth}x${element.videoHeight}` : null;
}

/** A moving canvas standing in for a screen capture, which headless Chromium cannot grant without a gesture. */
function canvasScreen(width: number, height: number): { stop: () => void; track: MediaStreamTrack } {
  const canvas = document.createElement("canvas");
  Object.assign(canvas, { width, height });
  const context = canvas.getContext("2d")!;
  let frame = 0;
  const timer = setInterval(() => {
    frame += 1;
    context.fillStyle = `hsl(${(frame * 7) % 360} 60% 50%)`;
    context.fillRect(0, 0, width, height);
    context.fillStyle = "#fff";
    context.fillText(`slide ${frame}`, 10, 20);
  }, 100);
  const [track] = canvas.captureStream(10).getVideoTracks();
  return { track: track!, stop: () => clearInterval(timer) };
}

async function rawStats(kind: "inbound-audio-packets" | "inbound-video-bytes"): Promise<number>;
async function rawStats(kind: "selected-pairs"): Promise<{ local: string; remote: string }[]>;
async function rawStats(kind: "inbound-audio-packets" | "inbound-video-bytes" | "selected-pairs") {
  const reports = await Promise.all(liveConnections().map(async (connection) => [...(await connection.getStats()).values()]));
  if (kind === "inbound-audio-packets") {
    return reports.flat().reduce((total, entry) => total + (entry.type === "inbound-rtp" && entry.kind === "audio" ? entry.packetsReceived : 0), 0);
  }
  if (kind === "inbound-video-bytes") {
    return reports.flat().reduce((total, entry) => total + (entry.type === "inbound-rtp" && entry.kind === "video" ? entry.bytesReceived : 0), 0);
  }
  return reports.map((entries) => {
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    const transport = entries.find((entry) => entry.type === "transport" && entry.selectedCandidatePairId);
    const pair = byId.get(transport?.selectedCandidatePairId);
    return { local: byId.get(pair?.localCandidateId)?.candidateType, remote: byId.get(pair?.remoteCandidateId)?.candidateType };
  });
}

const harness = {
  async start(options: StartOptions): Promise<void> {
    localStream = await navigator.mediaDevices.getUserMedia({ audio: options.audio, video: options.video });
    mesh = new PeerMesh({
      selfId: options.selfId,
      iceServers: options.iceServers,
      iceTransportPolicy: options.iceTransportPolicy,
      send: (to: string, signal: RtcSignal) => void window.sendSignal(options.selfId, to, signal),
    });
    mesh.on("remote-track", showRemoteTrack);
    mesh.on("connection-state", ({ peerId, state }) => states.set(peerId, state));
    mesh.on("stats", (event) => lastStats.set(event.peerId, event));
    mesh.on("audio-levels", ({ levels }) => levelSamples.push(...levels.values()));
    mesh.on("error", ({ peerId, operation, error }) => errors.push(`${peerId} ${operation}: ${String(error)}`));
    await mesh.setLocalMedia({
      audio: localStream.getAudioTracks()[0] ?? null,
      video: localStream.getVideoTracks()[0] ?? null,
    });
  },

  connect(peerId: string): void {
    connectStartedAt.set(peerId, performance.now());
    requireMesh().connect(peerId);
  },

  receive(fromId: string, signal: RtcSignal): void {
    requireMesh().handleSignal(fromId, signal);
  },

  async replaceCamera(video: VideoConstraints | null): Promise<void> {
    const previous = localStream?.getVideoTracks()[0];
    const next = video ? (await navigator.mediaDevices.getUserMedia({ video })).getVideoTracks()[0]! : null;
    await requireMesh().setLocalMedia({ video: next });
    previous?.stop();
    localStream = new MediaStream([...(localStream?.getAudioTracks() ?? []), ...(next ? [next] : [])]);
  },

  async shareScreen(size: { width: number; height: number } | null): Promise<void> {
    screenCanvas?.stop();
    screenCanvas = size ? canvasScreen(size.width, size.height) : null;
    await requireMesh().setLocalMedia({ screen: screenCanvas?.track ?? null });
  },

  async setReceiveOnly(receiveOnly: boolean): Promise<void> {
    await requireMesh().setReceiveOnly(receiveOnly);
  },

  async setReceiveCameras(receive: boolean): Promise<void> {
    await requireMesh().setReceiveCameras(receive);
  },

  snapshot(): {
    negotiationNeeded: number;
    connectionsCreated: number;
    signalingStates: RTCSignalingState[];
    errors: string[];
    transceivers: number[];
    audioLevelMax: number;
    peers: Record<string, PeerSnapshot>;
  } {
    const peers: Record<string, PeerSnapshot> = {};
    for (const peerId of requireMesh().peerIds) {
      const camera = remoteVideos.get(`${peerId}/camera`);
      const started = connectStartedAt.get(peerId);
      peers[peerId] = {
        state: states.get(peerId) ?? null,
        cameraFrames: camera?.frames ?? 0,
        screenFrames: remoteVideos.get(`${peerId}/screen`)?.frames ?? 0,
        cameraSize: videoSize(peerId, "camera"),
        screenSize: videoSize(peerId, "screen"),
        connectToFirstFrameMs: started !== undefined && camera?.firstFrameAt != null ? camera.firstFrameAt - started : null,
        lastStats: lastStats.get(peerId) ?? null,
      };
    }
    return {
      negotiationNeeded,
      connectionsCreated: connections.length,
      signalingStates: liveConnections().map((connection) => connection.signalingState),
      errors,
      transceivers: liveConnections().map((connection) => connection.getTransceivers().length),
      audioLevelMax: Math.max(0, ...levelSamples),
      peers,
    };
  },

  inboundAudioPackets: () => rawStats("inbound-audio-packets"),
  inboundVideoBytes: () => rawStats("inbound-video-bytes"),
  selectedCandidatePairs: () => rawStats("selected-pairs"),

  /** What the engine applied: each live connection's sender maxBitrate (bps) in slot order. */
  senderMaxBitrates: (): (number | null)[][] =>
    liveConnections().map((connection) => connection.getSenders().map((sender) => sender.getParameters().encodings[0]?.maxBitrate ?? null)),

  remoteDescriptions: (): string[] => liveConnections().map((connection) => connection.remoteDescription?.sdp ?? ""),

  stop(): void {
    mesh?.close();
    mesh = null;
    screenCanvas?.stop();
    for (const track of localStream?.getTracks() ?? []) track.stop();
    for (const element of document.querySelectorAll("video, audio")) element.remove();
    for (const map of [states, remoteVideos, connectStartedAt, lastStats]) map.clear();
    levelSamples.length = 0;
    errors.length = 0;
    connections.length = 0;
    negotiationNeeded = 0;
  },
};

export type Harness = typeof harness;
export type HarnessSnapshot = ReturnType<Harness["snapshot"]>;

declare global {
  interface Window {
    harness: Harness;
    sendSignal: (fromParticipantId: string, toParticipantId: string, signal: RtcSignal) => Promise<void>;
  }
}

window.harness = harness;
