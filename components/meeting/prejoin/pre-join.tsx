"use client";

import { CameraOff, Circle, LoaderCircle, Mic, MicOff, RefreshCw, Video, VideoOff } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ToggleButton } from "@/components/meeting/controls/toggle-button";
import type { LocalMedia } from "@/components/meeting/hooks/use-local-media";
import type { MeetingMedia } from "@/components/meeting/hooks/use-meeting-media";
import { TrackVideo } from "@/components/meeting/stage/track-video";
import { useClientCapabilities } from "@/components/meeting/hooks/use-client-capabilities";
import { DeviceSettings } from "./device-settings";
import { EffectsSettings } from "./effects-settings";
import { QualitySettings } from "./quality-settings";

type Props = {
  media: MeetingMedia;
  displayName: string;
  onJoin: () => void;
  joining: boolean;
  joinError: string | null;
  recordingNotice: string | null;
};

function joinSummary({ microphone, camera }: LocalMedia): string {
  const sendsAudio = microphone.enabled && microphone.track !== null;
  const sendsVideo = camera.enabled && camera.track !== null;
  if (!microphone.track) return sendsVideo ? "You'll join without a microphone: others will see you but not hear you." : "You'll join to listen and watch only.";
  if (sendsAudio && sendsVideo) return "You'll join with your microphone and camera on.";
  if (sendsAudio) return "You'll join with your camera off.";
  if (sendsVideo) return "You'll join muted, with your camera on.";
  return "You'll join muted, with your camera off.";
}

function CameraPlaceholder({ media, displayName }: { media: LocalMedia; displayName: string }) {
  const { camera } = media;
  if (camera.pending || !media.ready) {
    return (
      <p className="flex items-center gap-2 text-sm text-stage-fg-muted">
        <LoaderCircle aria-hidden className="size-5 animate-spin" /> Starting camera…
      </p>
    );
  }
  return (
    <div className="flex flex-col items-center gap-3 text-stage-fg-muted">
      <span aria-hidden className="grid size-20 place-items-center rounded-full bg-primary text-3xl font-semibold text-stage-fg">
        {displayName.slice(0, 1).toUpperCase()}
      </span>
      <p className="flex items-center gap-2 text-sm">
        <CameraOff aria-hidden className="size-4" /> {camera.enabled ? "No camera picture" : "Camera is off"}
      </p>
    </div>
  );
}

/** The lobby: see and hear yourself, pick devices, then join with what works. */
export function PreJoin({ media, displayName, onJoin, joining, joinError, recordingNotice }: Props) {
  const { microphone, camera } = media;
  const { hydrated } = useClientCapabilities();
  // A device that failed shows as off; pressing it again is how the person retries.
  const microphoneOn = microphone.enabled && (microphone.track !== null || microphone.pending);
  const cameraOn = camera.enabled && (camera.track !== null || camera.pending);
  const errors = [microphone.error && { device: "Microphone", ...microphone.error }, camera.error && { device: "Camera", ...camera.error }].filter(
    (error): error is NonNullable<typeof error> => Boolean(error),
  );
  return (
    <section aria-labelledby="prejoin-heading" className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_300px]">
      <div className="min-w-0 space-y-3">
        <div className="relative grid aspect-video place-items-center overflow-hidden rounded-xl bg-stage-scrim shadow-inner">
          {camera.track ? (
            <TrackVideo track={camera.track} mirrored data-testid="prejoin-preview" className="absolute inset-0" />
          ) : (
            <CameraPlaceholder media={media} displayName={displayName} />
          )}
          <span className="absolute top-3 left-3 rounded bg-stage-scrim/70 px-2 py-1 text-sm font-medium text-stage-fg">{displayName}</span>
          <div className="absolute inset-x-0 bottom-3 flex justify-center gap-3">
            <ToggleButton
              label="Microphone"
              pressed={microphoneOn}
              alarmWhenOff
              hint={microphoneOn ? "Join muted" : "Join with microphone on"}
              icon={microphoneOn ? <Mic aria-hidden className="size-5" /> : <MicOff aria-hidden className="size-5" />}
              onClick={() => media.setMicrophoneEnabled(!microphoneOn)}
            />
            <ToggleButton
              label="Camera"
              pressed={cameraOn}
              alarmWhenOff
              hint={cameraOn ? "Join with camera off" : "Join with camera on"}
              icon={cameraOn ? <Video aria-hidden className="size-5" /> : <VideoOff aria-hidden className="size-5" />}
              onClick={() => media.setCameraEnabled(!cameraOn)}
            />
          </div>
        </div>
        <DeviceSettings media={media} idPrefix="prejoin" columns />
        <EffectsSettings effects={media.effects} idPrefix="prejoin" />
        <QualitySettings quality={media.quality} idPrefix="prejoin" />
      </div>

      <div className="space-y-4 rounded-xl border border-line bg-surface p-5 shadow-sm">
        <h2 id="prejoin-heading" className="text-lg font-semibold">
          Ready to join?
        </h2>
        <p className="text-sm text-fg-muted">
          You&apos;ll appear as <strong>{displayName}</strong>.
        </p>
        {recordingNotice ? (
          <p data-testid="recording-notice" className="flex gap-2 rounded-md border border-danger-line bg-danger-soft p-3 text-sm text-danger-fg">
            <Circle aria-hidden className="mt-0.5 size-3.5 shrink-0 fill-danger text-danger-fg" /> {recordingNotice}
          </p>
        ) : null}
        {errors.length > 0 ? (
          <div role="alert" className="space-y-2 rounded-md border border-warning-line bg-warning-soft p-3 text-sm text-warning-fg">
            {errors.map((error) => (
              <p key={error.device}>
                <strong>{error.device}:</strong> {error.message}
              </p>
            ))}
            {errors.some((error) => error.kind !== "not-found") ? (
              <Button variant="secondary" className="px-3 py-1" onClick={media.retry}>
                <RefreshCw aria-hidden className="size-4" /> Try again
              </Button>
            ) : null}
          </div>
        ) : null}
        <p className="text-sm text-fg-muted" aria-live="polite">
          {media.ready ? joinSummary(media) : "Checking your camera and microphone…"}
        </p>
        {joinError ? (
          <p role="alert" className="text-sm text-danger-fg">
            {joinError}
          </p>
        ) : null}
        <Button className="w-full py-3 text-base" onClick={onJoin} disabled={joining || !hydrated}>
          {joining ? <LoaderCircle aria-hidden className="size-5 animate-spin" /> : null}
          {joining ? "Joining…" : "Join meeting"}
        </Button>
      </div>
    </section>
  );
}
