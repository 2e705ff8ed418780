import { type ReceiveQuality, type SendQuality } from "./video-quality";

/**
 * Simulcast through the SFU: the camera goes up once in three layers and Janus forwards each receiver the one it
 * asks for (`substream` 0 = lowest … 2 = highest). The layers are listed high → low, the order Janus assumes for
 * rids by default (`rid_order: "hml"`). Chromium sends fewer layers from a small capture, keeping the full-size
 * one: all three from 1280×720 (720, 360, 180), two from 640×360, one from 320×180.
 */
export const SIMULCAST_LAYERS = [
  { rid: "h", scaleResolutionDownBy: 1, maxBitrate: 1_200_000 },
  { rid: "m", scaleResolutionDownBy: 2, maxBitrate: 400_000 },
  { rid: "l", scaleResolutionDownBy: 4, maxBitrate: 120_000 },
] as const;

/** Janus's substream index of the highest layer (layers count from the lowest, 0). */
export const HIGHEST_SUBSTREAM = SIMULCAST_LAYERS.length - 1;

/** The tallest picture each send choice allows; null for no limit. */
const SEND_HEIGHT_LIMIT: Record<SendQuality, number | null> = { auto: null, hd: 720, sd: 360, low: 180 };

/**
 * Which layers to send for a send choice: those no taller than the choice allows, and always the lowest, so
 * receivers asking for more get the best there is (Janus falls back to a lower substream when a higher one stops).
 * In layer order (high → low). An unknown capture height keeps every layer.
 */
export function activeLayers(quality: SendQuality, captureHeight: number | undefined): boolean[] {
  const limit = SEND_HEIGHT_LIMIT[quality];
  return SIMULCAST_LAYERS.map(({ scaleResolutionDownBy }, index) => {
    if (index === SIMULCAST_LAYERS.length - 1 || limit === null || !captureHeight) return true;
    return captureHeight / scaleResolutionDownBy <= limit;
  });
}

/** What a receiver asks the SFU for: the layer of everyone's camera, and whether cameras come at all. */
export type SfuReceivePreference = { substream: number; cameras: boolean };

/** Data saver takes the lowest layer; Auto and High the highest; audio only pauses cameras at the SFU. */
export function sfuReceivePreference(quality: ReceiveQuality, receiveCameras: boolean): SfuReceivePreference {
  return { substream: quality === "low" ? 0 : HIGHEST_SUBSTREAM, cameras: receiveCameras && quality !== "audio-only" };
}

/** Up to this many camera tiles in a grid, each is large enough for the highest layer; up to the next, the middle. */
const GRID_HIGH_TILES = 4;
const GRID_MEDIUM_TILES = 9;

type LaidOutTile = { participantId: string; source: "camera" | "screen"; isSelf: boolean };
export type LaidOut = { kind: "grid"; tiles: readonly LaidOutTile[] } | { kind: "stage"; stage: LaidOutTile; filmstrip: readonly LaidOutTile[] };

/**
 * The layer each other person's camera needs, from the size of its tile: the stage's camera the highest, the
 * filmstrip's thumbnails the lowest; in a grid, the highest while tiles are few and large, less as they shrink.
 */
export function tileSubstreams(layout: LaidOut): Record<string, number> {
  const cameras = (tiles: readonly LaidOutTile[]) => tiles.filter((tile) => tile.source === "camera" && !tile.isSelf);
  if (layout.kind === "stage") {
    const entries = cameras(layout.filmstrip).map((tile): [string, number] => [tile.participantId, 0]);
    if (layout.stage.source === "camera" && !layout.stage.isSelf) entries.push([layout.stage.participantId, HIGHEST_SUBSTREAM]);
    return Object.fromEntries(entries);
  }
  const count = layout.tiles.filter((tile) => tile.source === "camera").length;
  const substream = count <= GRID_HIGH_TILES ? HIGHEST_SUBSTREAM : count <= GRID_MEDIUM_TILES ? 1 : 0;
  return Object.fromEntries(cameras(layout.tiles).map((tile) => [tile.participantId, substream]));
}

/** The layer to forward of one person's camera: what their tile needs, capped by the receiver's choice. */
export function substreamFor(preference: SfuReceivePreference, tiles: Readonly<Record<string, number>>, participantId: string): number {
  return Math.min(preference.substream, tiles[participantId] ?? HIGHEST_SUBSTREAM);
}
