"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { initialSuggestionState, nextSuggestion, type QualitySuggestion, spendSuggestion } from "@/lib/domain/quality-suggestion";
import { CAPTURE_PROFILES } from "@/lib/media/capture-profiles";
import type { PeerStats } from "@/lib/meeting-client/state/local-quality";
import { lighterCaptureProfile, suggestionCopy, suggestionInput } from "@/lib/meeting-client/state/quality-suggestion-input";

/** The engine re-rates each link every 2 s (lib/rtc stats sampler): the decision is fed at the same pace. */
export const SUGGESTION_CHECK_INTERVAL_MS = 2000;
const TOAST_ID = "quality-suggestion";

export type QualitySuggestionOptions = {
  /** In the meeting (reconnecting included); leaving resets everything for the next meeting. */
  active: boolean;
  readStats: () => readonly PeerStats[];
  sendingVideo: boolean;
  toasterId: string;
  announce: (text: string) => void;
  turnOffCamera: () => void;
  /** The local camera track, whose capture "close other apps" lowers. */
  cameraTrack: () => MediaStreamTrack | null;
};

/**
 * Issue 5: when this person's own connection stays poor, one toast with the one thing that helps most and a button
 * applying it (lib/domain/quality-suggestion decides what and when). Returns whether audio only is on: the caller
 * then stops showing others' cameras, and `setReceiveCameras` asks peers to stop sending them.
 */
export function useQualitySuggestion(options: QualitySuggestionOptions, setReceiveCameras: (receive: boolean) => void) {
  const [audioOnly, setAudioOnly] = useState(false);
  const decision = useRef(initialSuggestionState);
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  }, [options]);

  const { active, toasterId } = options;
  // The meeting is over: the next one starts with video shown (adjusted while rendering, as React recommends).
  const [wasActive, setWasActive] = useState(active);
  if (wasActive !== active) {
    setWasActive(active);
    if (!active) setAudioOnly(false);
  }
  useEffect(() => {
    if (active) return;
    decision.current = initialSuggestionState;
    toast.dismiss(TOAST_ID);
  }, [active]);

  // Audio only frees the downlink: peers stop sending their cameras rather than us discarding what arrives.
  useEffect(() => setReceiveCameras(!audioOnly), [audioOnly, setReceiveCameras]);

  const showVideo = useCallback(() => {
    setAudioOnly(false);
    optionsRef.current.announce("Others' video is shown again");
  }, []);

  const apply = useCallback(
    (suggestion: QualitySuggestion) => {
      const { announce, turnOffCamera, cameraTrack } = optionsRef.current;
      switch (suggestion) {
        case "turn-off-video":
          turnOffCamera();
          announce("Camera off");
          return;
        case "audio-only":
          setAudioOnly(true);
          // The toast is announced by sonner's own live region.
          toast.info("Audio only: others' video is off.", {
            toasterId: optionsRef.current.toasterId,
            id: `${TOAST_ID}-audio-only`,
            action: { label: "Show video again", onClick: showVideo },
          });
          return;
        case "close-other-apps": {
          const track = cameraTrack();
          const lighter = lighterCaptureProfile(track?.getSettings().height);
          if (track && lighter) {
            const { width, height, frameRate } = CAPTURE_PROFILES[lighter];
            track
              .applyConstraints({ width: { ideal: width }, height: { ideal: height }, frameRate: { ideal: frameRate, max: frameRate } })
              .then(() => announce(`Your video quality was lowered to ${height}p`))
              .catch(() => announce("Your video quality could not be lowered. Closing other apps still helps."));
          } else announce("Your video is already at its lowest quality. Closing other apps still helps.");
          return;
        }
      }
    },
    [showVideo],
  );

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      const { readStats, sendingVideo, announce } = optionsRef.current;
      const input = suggestionInput(readStats(), Date.now(), sendingVideo);
      if (!input) return;
      const step = nextSuggestion(decision.current, input);
      decision.current = step.state;
      const suggestion = step.suggestion;
      if (!suggestion) return;
      const copy = suggestionCopy[suggestion];
      // Applied or dismissed, a suggestion is not offered again in this meeting.
      const spend = () => (decision.current = spendSuggestion(decision.current, suggestion));
      toast.warning(copy.text, {
        toasterId,
        id: TOAST_ID,
        duration: 20_000,
        action: {
          label: copy.action,
          onClick: () => {
            spend();
            apply(suggestion);
          },
        },
        onDismiss: spend,
        onAutoClose: spend,
      });
      // Issue 5 asks for the announcer too: a suggestion matters more than the passing toasts sonner reads out.
      announce(`${copy.text} The notification's "${copy.action}" button applies it.`);
    }, SUGGESTION_CHECK_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [active, apply, toasterId]);

  return { audioOnly, showVideo };
}
