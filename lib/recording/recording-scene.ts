import { gridDimensions } from "../domain/grid-dimensions";

/** One tile of the meeting as the recorder sees it. */
export type SceneTile = {
  readonly key: string;
  readonly name: string;
  /** null, or a track that is not live, draws the name on a dark tile. */
  readonly track: MediaStreamTrack | null;
  readonly videoOn: boolean;
  readonly microphoneOn: boolean;
  /** Screen shares are letterboxed, never cropped: text at the edges matters. */
  readonly screen: boolean;
};

/** The layout the recorder shows, which is the recorder's own: grid, or one tile on stage with a filmstrip. */
export type RecordingScene = {
  readonly layout: { readonly kind: "grid"; readonly tiles: readonly SceneTile[] } | { readonly kind: "stage"; readonly stage: SceneTile; readonly filmstrip: readonly SceneTile[] };
  /** Everything audible: the recorder's own microphone and everyone else's audio. */
  readonly audio: readonly MediaStreamTrack[];
};

export type Rect = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
export type PlacedTile = { readonly tile: SceneTile; readonly rect: Rect };

const GAP = 8;
const FILMSTRIP_SHARE = 0.2;
const MAX_FILMSTRIP_TILES = 6;

function gridOf(tiles: readonly SceneTile[], area: Rect): PlacedTile[] {
  if (tiles.length === 0) return [];
  const { columns, tileWidth, tileHeight } = gridDimensions(tiles.length, area.width, area.height, 16 / 9, GAP);
  const rows = Math.ceil(tiles.length / columns);
  const top = area.y + (area.height - (rows * tileHeight + (rows - 1) * GAP)) / 2;
  return tiles.map((tile, index) => {
    const row = Math.floor(index / columns);
    const inRow = Math.min(columns, tiles.length - row * columns);
    const left = area.x + (area.width - (inRow * tileWidth + (inRow - 1) * GAP)) / 2;
    return { tile, rect: { x: left + (index % columns) * (tileWidth + GAP), y: top + row * (tileHeight + GAP), width: tileWidth, height: tileHeight } };
  });
}

/**
 * Where each tile goes in a `width`×`height` recording: the grid as in the meeting, or the stage tile large with
 * the filmstrip in a band below it (at most six tiles: a recording has no scrollbar).
 */
export function placeScene(layout: RecordingScene["layout"], width: number, height: number): PlacedTile[] {
  const whole: Rect = { x: GAP, y: GAP, width: width - 2 * GAP, height: height - 2 * GAP };
  if (layout.kind === "grid") return gridOf(layout.tiles, whole);
  const filmstrip = layout.filmstrip.slice(0, MAX_FILMSTRIP_TILES);
  if (filmstrip.length === 0) return [{ tile: layout.stage, rect: whole }];
  const band = Math.round(whole.height * FILMSTRIP_SHARE);
  const stage: Rect = { ...whole, height: whole.height - band - GAP };
  const strip: Rect = { x: whole.x, y: stage.y + stage.height + GAP, width: whole.width, height: band };
  return [{ tile: layout.stage, rect: stage }, ...gridOf(filmstrip, strip)];
}

/** Source and destination rectangles that fill `box` (cropping) or fit inside it (letterboxing). */
export function fitVideo(sourceWidth: number, sourceHeight: number, box: Rect, mode: "cover" | "contain"): { source: Rect; target: Rect } {
  const full: Rect = { x: 0, y: 0, width: sourceWidth, height: sourceHeight };
  if (sourceWidth <= 0 || sourceHeight <= 0) return { source: full, target: box };
  const scale = mode === "cover" ? Math.max(box.width / sourceWidth, box.height / sourceHeight) : Math.min(box.width / sourceWidth, box.height / sourceHeight);
  if (mode === "contain") {
    const width = sourceWidth * scale;
    const height = sourceHeight * scale;
    return { source: full, target: { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height } };
  }
  const width = box.width / scale;
  const height = box.height / scale;
  return { source: { x: (sourceWidth - width) / 2, y: (sourceHeight - height) / 2, width, height }, target: box };
}
