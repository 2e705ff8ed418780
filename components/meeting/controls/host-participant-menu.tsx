"use client";

import { Check, EllipsisVertical, Mic, MicOff, MonitorX, Star, StarOff, UserX } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { MeetingRole } from "@/lib/signaling";

/** The roles a host hands out, as the menu words them. */
const roleChoices: { role: MeetingRole; label: string }[] = [
  { role: "host", label: "Co-host" },
  { role: "presenter", label: "Presenter" },
  { role: "participant", label: "Participant" },
  { role: "observer", label: "Observer (watch only)" },
];

type Props = {
  name: string;
  role: MeetingRole;
  onSetRole: (role: MeetingRole) => void;
  microphoneOn: boolean;
  spotlit: boolean;
  onMute: () => void;
  /** Asks a muted person to unmute: a host never turns anyone's microphone on. */
  onAskUnmute: () => void;
  sharingScreen: boolean;
  onStopShare: () => void;
  onSpotlight: (on: boolean) => void;
  onRemove: () => void;
  /** Light trigger for dark tiles, dark for the white participants list. */
  tone: "on-video" | "on-panel";
};

const itemClasses = "flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm outline-none select-none data-[disabled]:text-fg-disabled data-[highlighted]:bg-surface-muted";

/** A host's actions on one participant. The server checks the role again: this only hides what would fail. */
export function HostParticipantMenu({ name, role, onSetRole, microphoneOn, spotlit, onMute, onAskUnmute, sharingScreen, onStopShare, onSpotlight, onRemove, tone }: Props) {
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger
          aria-label={`Host actions for ${name}`}
          className={tone === "on-video" ? "rounded-full bg-stage-scrim/70 p-1.5 text-stage-fg hover:bg-stage-scrim" : "rounded-full p-1.5 text-fg-muted hover:bg-surface-muted"}
        >
          <EllipsisVertical aria-hidden className="size-4" />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-52 rounded-md border border-line bg-surface p-1 text-fg shadow-lg">
            {microphoneOn ? (
              <DropdownMenu.Item className={itemClasses} onSelect={onMute}>
                <MicOff aria-hidden className="size-4" /> Mute {name}
              </DropdownMenu.Item>
            ) : role === "observer" ? null : (
              <DropdownMenu.Item className={itemClasses} onSelect={onAskUnmute}>
                <Mic aria-hidden className="size-4" /> Ask {name} to unmute
              </DropdownMenu.Item>
            )}
            {sharingScreen ? (
              <DropdownMenu.Item className={itemClasses} onSelect={onStopShare}>
                <MonitorX aria-hidden className="size-4" /> Stop {name}&rsquo;s screen share
              </DropdownMenu.Item>
            ) : null}
            <DropdownMenu.Item className={itemClasses} onSelect={() => onSpotlight(!spotlit)}>
              {spotlit ? <StarOff aria-hidden className="size-4" /> : <Star aria-hidden className="size-4" />}
              {spotlit ? "Remove spotlight" : "Spotlight for everyone"}
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="my-1 h-px bg-surface-strong" />
            <DropdownMenu.Label className="px-2 py-1 text-xs font-semibold text-fg-muted">Role</DropdownMenu.Label>
            <DropdownMenu.RadioGroup value={role} onValueChange={(value) => onSetRole(value as MeetingRole)}>
              {roleChoices.map((choice) => (
                <DropdownMenu.RadioItem key={choice.role} value={choice.role} className={`${itemClasses} pl-8 relative`}>
                  <DropdownMenu.ItemIndicator className="absolute left-2">
                    <Check aria-hidden className="size-4" />
                  </DropdownMenu.ItemIndicator>
                  {choice.label}
                </DropdownMenu.RadioItem>
              ))}
            </DropdownMenu.RadioGroup>
            <DropdownMenu.Separator className="my-1 h-px bg-surface-strong" />
            <DropdownMenu.Item className={`${itemClasses} text-danger-fg`} onSelect={() => setConfirmingRemoval(true)}>
              <UserX aria-hidden className="size-4" /> Remove from meeting
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <ConfirmDialog
        open={confirmingRemoval}
        onOpenChange={setConfirmingRemoval}
        title={`Remove ${name}?`}
        description="They leave the meeting at once and see that a host removed them."
        confirmLabel="Remove"
        onConfirm={onRemove}
      />
    </>
  );
}
