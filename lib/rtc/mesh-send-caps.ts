import { scaleDownFactor, sendCapsFor, type VideoSendCaps } from "../domain/bitrate-policy";
import type { EncodingCaps } from "./encoding-caps";
import type { SenderCaps } from "./peer-session";

export type MeshSendCapsInput = {
  remotePeerCount: number;
  camera: MediaStreamTrack | null;
  screen: MediaStreamTrack | null;
  /** The lower of the sender's own quality choice and what this connection's peer asked for; null for none. */
  cameraCeilingKbps: number | null;
};

/** One connection's encoder caps from the bitrate policy, and the video rate it aims at (for rating the link). */
export function meshSendCaps({ remotePeerCount, camera, screen, cameraCeilingKbps }: MeshSendCapsInput): { senderCaps: SenderCaps; targetVideoKbps: number } {
  const caps = sendCapsFor({ remotePeerCount, sendingCamera: camera !== null, sendingScreen: screen !== null, cameraCeilingKbps });
  return {
    senderCaps: {
      audio: { maxBitrate: caps.audio.maxBitrateKbps * 1000 },
      camera: videoEncodingCaps(caps.camera, camera),
      screen: videoEncodingCaps(caps.screen, screen),
    },
    targetVideoKbps: (camera ? caps.camera.maxBitrateKbps : 0) + (screen ? caps.screen.maxBitrateKbps : 0),
  };
}

function videoEncodingCaps(caps: VideoSendCaps, track: MediaStreamTrack | null): EncodingCaps {
  return {
    maxBitrate: caps.maxBitrateKbps * 1000,
    maxFramerate: caps.maxFramerate,
    scaleResolutionDownBy: scaleDownFactor(track?.getSettings().height, caps.targetHeight),
    priority: caps.priority,
    networkPriority: caps.priority,
  };
}
