/**
 * Every peer connection carries exactly these three transceivers, created in this order by whoever offers
 * first, so their m-sections (and mids) come in this order on both sides. Turning a camera on or off, switching
 * devices or starting a screen share is then a `replaceTrack` on a fixed sender, never a renegotiation.
 */
export const MEDIA_SLOTS = ["audio", "camera", "screen"] as const;
export type MediaSlot = (typeof MEDIA_SLOTS)[number];

export function trackKindOf(slot: MediaSlot): "audio" | "video" {
  return slot === "audio" ? "audio" : "video";
}

/** The `a=mid` of each m-section, in m-line order (`null` for a section without one). */
export function mediaSectionMids(sdp: string): (string | null)[] {
  const mids: (string | null)[] = [];
  for (const line of sdp.split(/\r?\n/)) {
    if (line.startsWith("m=")) mids.push(null);
    else if (line.startsWith("a=mid:") && mids.length > 0) mids[mids.length - 1] = line.slice("a=mid:".length).trim();
  }
  return mids;
}

/**
 * The slot an m-section carries, from its position in the session description: remote tracks are told apart by
 * transceiver order, never by track or stream ids, which the remote browser picks freely.
 */
export function slotForMid(sdp: string, mid: string | null): MediaSlot | null {
  if (mid === null) return null;
  return MEDIA_SLOTS[mediaSectionMids(sdp).indexOf(mid)] ?? null;
}
