import type { ConnectionQuality } from "@/lib/domain/connection-quality";
import type { TileSource } from "@/lib/meeting-client/state/meeting-layout";

/** Everything a tile shows, already resolved from meeting state, media and stats. */
export type TileModel = {
  key: string;
  participantId: string;
  source: TileSource;
  name: string;
  isSelf: boolean;
  isHost: boolean;
  track: MediaStreamTrack | null;
  /** The participant says they send video on this tile's source (camera on, or sharing). */
  videoOn: boolean;
  microphoneOn: boolean;
  handRaised: boolean;
  speaking: boolean;
  quality: ConnectionQuality | null;
  reconnecting: boolean;
  pinned: boolean;
  spotlit: boolean;
};
