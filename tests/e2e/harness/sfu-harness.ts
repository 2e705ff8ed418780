/**
 * A page that joins a Janus videoroom through lib/rtc/sfu/sfu-transport.ts, as the app will: publishes its
 * camera and microphone and shows everyone else's. Driven through `window.sfu` by tests/e2e/sfu.spec.ts.
 */
import type { MediaSlot } from "../../../lib/rtc/media-slots";
import { SfuTransport, type SfuTransportOptions } from "../../../lib/rtc/sfu/sfu-transport";

export type SfuStartOptions = Omit<SfuTransportOptions, "iceServers" | "fetchToken"> & {
  video: { width: number; height: number; frameRate: number } | false;
  audio: boolean;
  /** Renew the token through the test's `mintSfuToken` binding (as the app renews through its grant). */
  renew: boolean;
};

type RemoteVideo = { element: HTMLVideoElement; frames: number; firstFrameAt: number | null; lastFrameAt: number; maxGapMs: number };

let transport: SfuTransport | null = null;
let startedAt = 0;
const remote = new Map<string, RemoteVideo>();
const remoteAudio = new Map<string, MediaStreamTrack>();
const errors: string[] = [];

function watch(video: RemoteVideo): void {
  video.element.requestVideoFrameCallback((now) => {
    if (video.firstFrameAt === null) video.firstFrameAt = now;
    else video.maxGapMs = Math.max(video.maxGapMs, now - video.lastFrameAt);
    video.lastFrameAt = now;
    video.frames += 1;
    watch(video);
  });
}

function show({ participantId, slot, track }: { participantId: string; slot: MediaSlot; track: MediaStreamTrack }): void {
  if (slot === "audio") {
    remoteAudio.set(participantId, track);
    return;
  }
  if (slot !== "camera") return;
  remote.get(participantId)?.element.remove();
  const element = Object.assign(document.createElement("video"), { autoplay: true, muted: true, playsInline: true, width: 160, height: 90 });
  element.srcObject = new MediaStream([track]);
  document.body.append(element);
  const video: RemoteVideo = { element, frames: 0, firstFrameAt: null, lastFrameAt: 0, maxGapMs: 0 };
  remote.set(participantId, video);
  watch(video);
}

const sfu = {
  async start(options: SfuStartOptions): Promise<void> {
    const stream = await navigator.mediaDevices.getUserMedia({ video: options.video, audio: options.audio });
    startedAt = performance.now();
    transport = new SfuTransport({ ...options, iceServers: [], fetchToken: options.renew ? () => window.mintSfuToken() : undefined });
    transport.on("remote-track", show);
    transport.on("remote-track-ended", ({ participantId, slot }) => {
      if (slot !== "camera") return;
      remote.get(participantId)?.element.remove();
      remote.delete(participantId);
    });
    transport.on("error", ({ operation, error }) => errors.push(`${operation}: ${String(error)}`));
    await transport.start();
    await transport.setLocalMedia({ audio: stream.getAudioTracks()[0] ?? null, camera: stream.getVideoTracks()[0] ?? null });
  },

  /** Per remote participant: frames painted, first frame (ms after start()), longest gap, decoded size. */
  remoteVideos: () =>
    Object.fromEntries(
      [...remote].map(([id, video]) => [
        id,
        {
          frames: video.frames,
          firstFrameMs: video.firstFrameAt === null ? null : Math.round(video.firstFrameAt - startedAt),
          maxGapMs: Math.round(video.maxGapMs),
          size: `${video.element.videoWidth}x${video.element.videoHeight}`,
        },
      ]),
    ),
  resetGaps: () => remote.forEach((video) => (video.maxGapMs = 0)),
  remoteAudioFrom: () => [...remoteAudio.keys()],
  errors: () => [...errors],
  close: () => transport?.close(),
};

declare global {
  interface Window {
    sfu: typeof sfu;
    mintSfuToken: () => Promise<{ token: string; expiresAt: string }>;
  }
}
window.sfu = sfu;
