/**
 * Per-sender caps for a full mesh, where the uplink carries one copy of every track per remote peer.
 * All figures kbps. The same caps apply to each peer connection:
 *
 *   usable   = uplink × 0.9               10 % headroom for RTCP, retransmissions and FEC, which maxBitrate excludes
 *   perPeer  = usable / remotePeers
 *   video    = perPeer − 52               audio reserve: Opus capped at 32 + ~20 of IP/UDP/SRTP headers at 50 pps,
 *                                        reserved even while muted so unmuting never reshuffles video
 *   camera and screen alone: each gets `video`; sent together: screen 75 %, camera 25 % (the shared content
 *   matters more than a face), each clamped to [50, 1500] for the camera and [50, 2500] for the screen.
 *
 *   6 people on 2 Mbps: usable 1800, perPeer 360, camera 308 → 5 × (32 + 308) = 1700 of payload, 1800 with
 *   audio headers. The budget holds up to 17 people (video ≥ 50); beyond, the floor wins over the uplink.
 *
 * Camera resolution follows the cap: LiveKit's VideoPresets (VP8 at 180p 160, 360p 450, 540p 800, 720p 1700,
 * client-sdk-js) scaled by 2/3, as set when VP9 led the codec order. VP8 now leads (lib/rtc/codec-preferences.ts:
 * a third of VP9's CPU per encoder), so each rung carries a little less picture than LiveKit's; kept because the
 * 1500 kbps camera ceiling would otherwise never reach 720p;
 * their frame rates too (20 fps up to 360p), which also spares the CPU encoding one stream per peer.
 * A screen is never scaled down (text must stay legible); it drops to 5 fps below 500 kbps instead.
 */

export const DEFAULT_UPLINK_KBPS = 2000;
export const AUDIO_MAX_KBPS = 32;
/** Per-packet overhead of 20 ms Opus packets: ~54 bytes of IPv4/UDP/RTP/SRTP headers, 50 times a second. */
const AUDIO_HEADER_KBPS = 20;
export const AUDIO_RESERVE_KBPS = AUDIO_MAX_KBPS + AUDIO_HEADER_KBPS;
const USABLE_SHARE = 0.9;
const SCREEN_SHARE_WITH_CAMERA = 0.75;
const MIN_VIDEO_KBPS = 50;
const MAX_CAMERA_KBPS = 1500;
const MAX_SCREEN_KBPS = 2500;

const cameraLadder: readonly { minKbps: number; height: number; fps: number }[] = [
  { minKbps: 1130, height: 720, fps: 30 },
  { minKbps: 530, height: 540, fps: 25 },
  { minKbps: 300, height: 360, fps: 20 },
  { minKbps: 105, height: 180, fps: 20 },
  { minKbps: 0, height: 90, fps: 15 },
];

export type VideoSendCaps = {
  maxBitrateKbps: number;
  maxFramerate: number;
  /** Height to scale the source down to; `null` keeps the source resolution. */
  targetHeight: number | null;
  /** RTCRtpEncodingParameters.priority: how the browser splits bandwidth between this connection's streams. */
  priority: "high" | "low";
};

export type SendCaps = {
  audio: { maxBitrateKbps: number };
  camera: VideoSendCaps;
  screen: VideoSendCaps;
};

export type SendCapsInput = {
  remotePeerCount: number;
  sendingCamera: boolean;
  sendingScreen: boolean;
  uplinkKbps?: number;
  /** A ceiling on the camera's bitrate (the sender's quality choice, a receiver's data saver): lower, never higher. */
  cameraCeilingKbps?: number | null;
};

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function cameraCaps(maxBitrateKbps: number): VideoSendCaps {
  const step = cameraLadder.find((candidate) => maxBitrateKbps >= candidate.minKbps) ?? cameraLadder[cameraLadder.length - 1]!;
  return { maxBitrateKbps, maxFramerate: step.fps, targetHeight: step.height, priority: "low" };
}

function screenCaps(maxBitrateKbps: number): VideoSendCaps {
  return { maxBitrateKbps, maxFramerate: maxBitrateKbps >= 500 ? 15 : 5, targetHeight: null, priority: "high" };
}

export function sendCapsFor({ remotePeerCount, sendingCamera, sendingScreen, uplinkKbps = DEFAULT_UPLINK_KBPS, cameraCeilingKbps = null }: SendCapsInput): SendCaps {
  const peers = Math.max(1, remotePeerCount);
  const video = (uplinkKbps * USABLE_SHARE) / peers - AUDIO_RESERVE_KBPS;
  const both = sendingCamera && sendingScreen;
  const screenKbps = both ? video * SCREEN_SHARE_WITH_CAMERA : video;
  const cameraKbps = both ? video - screenKbps : video;
  return {
    audio: { maxBitrateKbps: AUDIO_MAX_KBPS },
    camera: cameraCaps(Math.floor(clamp(Math.min(cameraKbps, cameraCeilingKbps ?? Infinity), MIN_VIDEO_KBPS, MAX_CAMERA_KBPS))),
    screen: screenCaps(Math.floor(clamp(screenKbps, MIN_VIDEO_KBPS, MAX_SCREEN_KBPS))),
  };
}

/** RTCRtpEncodingParameters.scaleResolutionDownBy that brings a source of `sourceHeight` to the target. */
export function scaleDownFactor(sourceHeight: number | undefined, targetHeight: number | null): number {
  if (targetHeight === null || !sourceHeight || sourceHeight <= targetHeight) return 1;
  return sourceHeight / targetHeight;
}
