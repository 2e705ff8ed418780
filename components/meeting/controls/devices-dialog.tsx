"use client";

import { Settings, X } from "lucide-react";
import { Dialog } from "radix-ui";
import type { MeetingMedia } from "@/components/meeting/hooks/use-meeting-media";
import { DeviceSettings } from "@/components/meeting/prejoin/device-settings";
import { EffectsSettings } from "@/components/meeting/prejoin/effects-settings";
import { QualitySettings } from "@/components/meeting/prejoin/quality-settings";
import { ConnectionDetails } from "./connection-details";
import { ControlButton } from "./control-button";

/** Switching microphone, camera or speaker mid-meeting: the new track replaces the old one for every peer. */
type Props = { media: MeetingMedia; connection: Parameters<typeof ConnectionDetails>[0] };

export function DevicesDialog({ media, connection }: Props) {
  const errors = [media.microphone.error, media.camera.error].filter((error) => error !== null);
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <ControlButton label="Devices" hint="Microphone, camera, speaker, effects and video quality" icon={<Settings aria-hidden className="size-5" />} />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-scrim/50" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[92vh] w-[min(92vw,480px)] -translate-x-1/2 -translate-y-1/2 space-y-4 overflow-y-auto rounded-lg bg-surface p-6 text-fg shadow-xl">
          <div className="flex items-start justify-between gap-4">
            <Dialog.Title className="text-lg font-semibold">Devices</Dialog.Title>
            <Dialog.Close aria-label="Close" className="rounded-full p-1 text-fg-muted hover:bg-surface-muted">
              <X aria-hidden className="size-5" />
            </Dialog.Close>
          </div>
          <Dialog.Description className="text-sm text-fg-muted">Changes apply at once and are remembered for your next meetings.</Dialog.Description>
          <DeviceSettings media={media} idPrefix="meeting" columns={false} />
          <EffectsSettings effects={media.effects} idPrefix="meeting" />
          <QualitySettings quality={media.quality} idPrefix="meeting" />
          <ConnectionDetails {...connection} />
          {errors.length > 0 ? (
            <div role="alert" className="space-y-1 text-sm text-warning-fg">
              {errors.map((error) => (
                <p key={error.message}>{error.message}</p>
              ))}
            </div>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
