/**
 * The quality a person chooses (kept per user): what they send, and what they ask others to send them. "auto"
 * leaves it to the bitrate policy and the quality suggestion; a choice only ever caps, never raises.
 *
 * Caps are camera bitrates, because the camera rung follows the bitrate (lib/domain/bitrate-policy.ts): 1500 kbps
 * allows 720p, 529 stops below the 540p rung (360p), 299 below the 360p rung (180p).
 */
export const SEND_QUALITIES = ["auto", "hd", "sd", "low"] as const;
export type SendQuality = (typeof SEND_QUALITIES)[number];

export const RECEIVE_QUALITIES = ["auto", "high", "low", "audio-only"] as const;
export type ReceiveQuality = (typeof RECEIVE_QUALITIES)[number];

export const SEND_QUALITY_LABELS: Record<SendQuality, string> = { auto: "Auto", hd: "HD (720p)", sd: "SD (360p)", low: "Low (180p)" };
export const RECEIVE_QUALITY_LABELS: Record<ReceiveQuality, string> = { auto: "Auto", high: "High", low: "Low (data saver)", "audio-only": "Audio only" };

const SEND_CEILING_KBPS: Record<SendQuality, number | null> = { auto: null, hd: 1500, sd: 529, low: 299 };

/** Data saver: others send us at most a 180p camera at this rate. */
export const DATA_SAVER_CAMERA_KBPS = 150;

/** The camera bitrate a send choice allows; null for no cap. */
export function sendCeilingKbps(quality: SendQuality): number | null {
  return SEND_CEILING_KBPS[quality];
}

/** What a receive choice asks of every sender: a camera cap (null for none), and whether cameras come at all. */
export function receiveRequest(quality: ReceiveQuality): { cameraKbps: number | null; cameras: boolean } {
  if (quality === "audio-only") return { cameraKbps: null, cameras: false };
  return { cameraKbps: quality === "low" ? DATA_SAVER_CAMERA_KBPS : null, cameras: true };
}

/** The lower of two caps, either of which may be absent. */
export function lowerCap(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null) return b ?? null;
  return b == null ? a : Math.min(a, b);
}
