"use client";

import { useEffect, useRef } from "react";
import { routeAudioOutput } from "@/lib/media/audio-output";

/** Plays one participant's microphone on the chosen speaker (`""`: the system default). */
export function RemoteAudio({ track, speakerId, participantId }: { track: MediaStreamTrack; speakerId: string; participantId: string }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = new MediaStream([track]);
    void audio.play().catch(() => {});
  }, [track]);
  useEffect(() => {
    if (ref.current) void routeAudioOutput(ref.current, speakerId);
  }, [speakerId]);
  return <audio ref={ref} autoPlay data-participant-audio={participantId} />;
}
