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
