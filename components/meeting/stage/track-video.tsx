"use client";

import { useEffect, useRef } from "react";

type Props = {
  track: MediaStreamTrack | null;
  /** One's own camera is shown mirrored, as in a mirror; others and screens never are. */
  mirrored?: boolean;
  /** `contain` for screens (nothing cut off), `cover` for faces (no letterboxing). */
  fit?: "cover" | "contain";
  className?: string;
  /** Called once, when the first frame of this track is painted. */
  onFirstFrame?: () => void;
  "data-testid"?: string;
};

/** A muted <video> playing one track; sound plays through RemoteAudio so that speaker choice applies. */
export function TrackVideo({ track, mirrored = false, fit = "cover", className = "", onFirstFrame, ...rest }: Props) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    video.srcObject = track ? new MediaStream([track]) : null;
    // autoPlay does not restart an element whose source changes after the first play.
    if (track) void video.play().catch(() => {});
  }, [track]);
  useEffect(() => {
    const video = ref.current;
    if (!video || !track || !onFirstFrame) return;
    if ("requestVideoFrameCallback" in video) {
      const handle = video.requestVideoFrameCallback(() => onFirstFrame());
      return () => video.cancelVideoFrameCallback(handle);
    }
    const onLoaded = () => onFirstFrame();
    (video as HTMLVideoElement).addEventListener("loadeddata", onLoaded, { once: true });
    return () => (video as HTMLVideoElement).removeEventListener("loadeddata", onLoaded);
  }, [track, onFirstFrame]);
  return (
    <video
      ref={ref}
      autoPlay
      playsInline
      muted
      data-testid={rest["data-testid"]}
      className={`size-full ${fit === "cover" ? "object-cover" : "object-contain"} ${mirrored ? "-scale-x-100" : ""} ${className}`}
    />
  );
}
