"use client";

import { Circle, Hand, Lock, LockOpen, MicOff, PhoneOff, ShieldCheck, Square, StarOff } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ControlButton } from "./control-button";

type Props = {
  locked: boolean;
  spotlightName: string | null;
  /** Raised hands right now: "Lower all hands" shows only when there are some. */
  raisedHands: number;
  /** null: the policy turns recording off (the item is hidden). */
  recording: { active: boolean } | null;
  onRecord: (on: boolean) => void;
  onLock: (locked: boolean) => void;
  onMuteAll: (exceptPresenters: boolean) => void;
  onLowerHands: () => void;
  onClearSpotlight: () => void;
  onEndForAll: () => void;
};

const itemClasses = "flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm outline-none select-none data-[highlighted]:bg-surface-muted";

/** Meeting-wide host actions; shown to hosts only, and enforced by the server whoever sends them. */
export function HostControlsMenu({ locked, spotlightName, raisedHands, recording, onRecord, onLock, onMuteAll, onLowerHands, onClearSpotlight, onEndForAll }: Props) {
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <ControlButton label="Host controls" icon={<ShieldCheck aria-hidden className="size-5" />} />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content side="top" align="center" sideOffset={8} className="z-50 min-w-56 rounded-md border border-line bg-surface p-1 text-fg shadow-lg">
            <DropdownMenu.Item className={itemClasses} onSelect={() => onMuteAll(false)}>
              <MicOff aria-hidden className="size-4" /> Mute everyone
            </DropdownMenu.Item>
            <DropdownMenu.Item className={itemClasses} onSelect={() => onMuteAll(true)}>
              <MicOff aria-hidden className="size-4" /> Mute everyone except presenters
            </DropdownMenu.Item>
            {raisedHands > 0 ? (
              <DropdownMenu.Item className={itemClasses} onSelect={onLowerHands}>
                <Hand aria-hidden className="size-4" /> Lower all hands ({raisedHands})
              </DropdownMenu.Item>
            ) : null}
            <DropdownMenu.Separator className="my-1 h-px bg-surface-strong" />
            {recording ? (
              <DropdownMenu.Item className={itemClasses} onSelect={() => onRecord(!recording.active)}>
                {recording.active ? <Square aria-hidden className="size-4" /> : <Circle aria-hidden className="size-4 fill-danger text-danger-fg" />}
                {recording.active ? "Stop recording" : "Start recording"}
              </DropdownMenu.Item>
            ) : null}
            <DropdownMenu.Item className={itemClasses} onSelect={() => onLock(!locked)}>
              {locked ? <LockOpen aria-hidden className="size-4" /> : <Lock aria-hidden className="size-4" />}
              {locked ? "Unlock meeting" : "Lock meeting"}
            </DropdownMenu.Item>
            {spotlightName ? (
              <DropdownMenu.Item className={itemClasses} onSelect={onClearSpotlight}>
                <StarOff aria-hidden className="size-4" /> Remove spotlight from {spotlightName}
              </DropdownMenu.Item>
            ) : null}
            <DropdownMenu.Separator className="my-1 h-px bg-surface-strong" />
            <DropdownMenu.Item className={`${itemClasses} text-danger-fg`} onSelect={() => setConfirmingEnd(true)}>
              <PhoneOff aria-hidden className="size-4" /> End meeting for all
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <ConfirmDialog
        open={confirmingEnd}
        onOpenChange={setConfirmingEnd}
        title="End the meeting for everyone?"
        description="Everyone is disconnected at once. The room stays and can be joined again later."
        confirmLabel="End for all"
        onConfirm={onEndForAll}
      />
    </>
  );
}
