export { PeerMesh, type LocalMedia, type PeerMeshEvents, type PeerMeshOptions } from "./peer-mesh";
export { MEDIA_SLOTS, type MediaSlot } from "./media-slots";
export { STATS_INTERVAL_MS } from "./stats-sampler";
export { AUDIO_LEVEL_INTERVAL_MS } from "./audio-level-sampler";
export { DISCONNECTED_GRACE_MS } from "./ice-recovery";
export type { ConnectionQuality, ConnectionRating } from "../domain/connection-quality";
export type { StatsSummary } from "../domain/stats-summary";
