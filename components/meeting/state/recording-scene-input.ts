import type { ResolvedLayout } from "@/components/meeting/state/build-tiles";
import type { TileModel } from "@/components/meeting/stage/tile-model";
import type { RecordingScene, SceneTile } from "@/lib/recording/recording-scene";

function sceneTile(tile: TileModel): SceneTile {
  return { key: tile.key, name: tile.isSelf ? `${tile.name} (you)` : tile.name, track: tile.track, videoOn: tile.videoOn, microphoneOn: tile.microphoneOn, screen: tile.source === "screen" };
}

/** The recorder records what it sees: its own resolved layout, and every track it can hear plus its microphone. */
export function recordingSceneOf(layout: ResolvedLayout, audio: readonly (MediaStreamTrack | null | undefined)[]): RecordingScene {
  const heard = audio.filter((track): track is MediaStreamTrack => track != null);
  if (layout.kind === "grid") return { layout: { kind: "grid", tiles: layout.tiles.map(sceneTile) }, audio: heard };
  return { layout: { kind: "stage", stage: sceneTile(layout.stage), filmstrip: layout.filmstrip.map(sceneTile) }, audio: heard };
}
