"use client";

import { Volume2 } from "lucide-react";
import { useState } from "react";
import { useClientCapabilities } from "@/components/meeting/hooks/use-client-capabilities";
import type { LocalMedia, LocalMediaControls } from "@/components/meeting/hooks/use-local-media";
import { playTestTone } from "@/lib/media/test-tone";
import { DeviceSelect } from "./device-select";
import { MicLevelMeter } from "./mic-level-meter";

/** Microphone (with its level), camera and speaker (with a test sound): the lobby's and the meeting's settings. */
export function DeviceSettings({ media, idPrefix, columns }: { media: LocalMedia & LocalMediaControls; idPrefix: string; columns: boolean }) {
  const { chooseAudioOutput } = useClientCapabilities();
  const [testing, setTesting] = useState(false);
  const { microphone, camera, devices } = media;
  const testSpeaker = async () => {
    setTesting(true);
    await playTestTone(media.speakerId).catch(() => {});
    setTesting(false);
  };
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3">
        <span className="shrink-0 text-xs font-medium text-fg-muted">Mic</span>
        <MicLevelMeter track={microphone.enabled ? microphone.track : null} className="flex-1" />
      </div>
      <div className={`grid gap-3 ${columns ? (chooseAudioOutput ? "sm:grid-cols-3" : "sm:grid-cols-2") : ""}`}>
        <DeviceSelect id={`${idPrefix}-microphone`} label="Microphone" options={devices.microphones} value={microphone.deviceId} onChange={media.chooseMicrophone} emptyText="No microphone found" />
        <DeviceSelect id={`${idPrefix}-camera`} label="Camera" options={devices.cameras} value={camera.deviceId} onChange={media.chooseCamera} emptyText="No camera found" />
        {chooseAudioOutput ? (
          <div className="flex items-end gap-2">
            <div className="min-w-0 flex-1">
              <DeviceSelect id={`${idPrefix}-speaker`} label="Speaker" options={devices.speakers} value={media.speakerId || null} onChange={media.chooseSpeaker} emptyText="System default" />
            </div>
            <button
              type="button"
              onClick={() => void testSpeaker()}
              disabled={testing}
              aria-label="Play a test sound"
              title="Play a test sound"
              className="rounded-md border border-line-strong bg-surface p-2 text-fg-muted hover:bg-surface-muted disabled:text-link"
            >
              <Volume2 aria-hidden className="size-4" />
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
