export type ScreenCaptureResult =
  | { ok: true; track: MediaStreamTrack }
  | { ok: false; reason: "cancelled" | "unsupported" | "failed" };

export function canShareScreen(): boolean {
  return typeof navigator !== "undefined" && typeof navigator.mediaDevices?.getDisplayMedia === "function";
}

/**
 * Asks the person which screen, window or tab to share. Legibility beats motion for shared content, hence
 * `contentHint = "detail"` (the encoder keeps resolution and drops frames under pressure) and a low frame rate.
 */
export async function captureScreen(): Promise<ScreenCaptureResult> {
  if (!canShareScreen()) return { ok: false, reason: "unsupported" };
  try {
    const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 30 } }, audio: false });
    const [track] = stream.getVideoTracks();
    if (!track) return { ok: false, reason: "failed" };
    track.contentHint = "detail";
    return { ok: true, track };
  } catch (error) {
    // Closing the picker rejects with NotAllowedError, the same as a policy refusal: both mean "not sharing".
    const name = error instanceof Error || error instanceof DOMException ? error.name : "";
    return { ok: false, reason: name === "NotAllowedError" || name === "AbortError" ? "cancelled" : "failed" };
  }
}
