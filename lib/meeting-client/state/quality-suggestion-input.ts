import type { QualitySuggestion, SuggestionInput } from "@/lib/domain/quality-suggestion";
import { CAPTURE_PROFILES, type CaptureProfile } from "@/lib/media/capture-profiles";
import { ownConnectionQuality, type PeerStats } from "./local-quality";

/**
 * What lib/domain/quality-suggestion needs, read from the engine's latest stats of every peer connection: our own
 * connection (ownConnectionQuality: one peer's poor link is theirs, and turning off our video would not help it),
 * whether the encoder is CPU-limited on any outbound video, and whether any link carried video during the last
 * interval. Null before any link has stats.
 */
export function suggestionInput(peers: readonly PeerStats[], now: number, sendingVideo: boolean): SuggestionInput | null {
  if (peers.length === 0) return null;
  const quality = ownConnectionQuality(peers.map((peer) => peer.rating.quality))!;
  return {
    now,
    quality,
    cpuLimited: peers.some((peer) => peer.summary.outbound.video.some((stream) => stream.qualityLimitationReason === "cpu")),
    sendingVideo,
    receivingVideo: peers.some((peer) => peer.summary.inbound.video.length > 0),
  };
}

/** The toast's wording and its one-click action. */
export const suggestionCopy: Readonly<Record<QualitySuggestion, { text: string; action: string }>> = {
  "close-other-apps": {
    text: "Your computer is struggling to keep up with the call. Close other apps, or lower your video quality.",
    action: "Lower my video quality",
  },
  "turn-off-video": { text: "Your connection is poor. Turning off your video frees bandwidth for your voice.", action: "Turn off your video" },
  "audio-only": { text: "Your connection is poor. Switching to audio only stops receiving others' video.", action: "Switch to audio only" },
};

const lighter: Readonly<Record<CaptureProfile, CaptureProfile | null>> = { hd: "sd", sd: "low", low: null };

/**
 * The next lighter capture profile for a camera now capturing `height` pixels high (its track settings), or null
 * when it is already at the lightest. Less capture is less to encode for every peer: the CPU-limited case.
 */
export function lighterCaptureProfile(height: number | undefined): CaptureProfile | null {
  if (height === undefined) return null;
  const current = (Object.keys(CAPTURE_PROFILES) as CaptureProfile[]).find((profile) => height >= CAPTURE_PROFILES[profile].height) ?? "low";
  return lighter[current];
}

type Tracks = Readonly<Record<string, Partial<Record<"audio" | "camera" | "screen", MediaStreamTrack>>>>;

/** Audio only: others' cameras are not shown (their tiles fall back to the name); screens and audio stay. */
export function withoutCameras<T extends Tracks>(tracks: T): T {
  const result: Record<string, Partial<Record<"audio" | "camera" | "screen", MediaStreamTrack>>> = {};
  for (const [peerId, slots] of Object.entries(tracks)) {
    result[peerId] = Object.fromEntries(Object.entries(slots).filter(([slot]) => slot !== "camera"));
  }
  return result as T;
}
