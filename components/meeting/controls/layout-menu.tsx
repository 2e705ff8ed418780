"use client";

import { LayoutGrid } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { LAYOUT_MODES, type LayoutMode } from "@/lib/meeting-client/state/meeting-layout";
import { ControlButton } from "./control-button";

const labels: Record<LayoutMode, { title: string; description: string }> = {
  auto: { title: "Auto", description: "Grid; a shared screen, pin or spotlight takes the stage" },
  grid: { title: "Grid", description: "Everyone the same size" },
  speaker: { title: "Speaker", description: "Whoever speaks, large" },
};

/**
 * Meeting menus are not modal: a modal menu hides the rest of the page with aria-hidden while its controls stay
 * focusable (axe: aria-hidden-focus), and a menu needs no focus trap (Escape and Tab close it).
 */
export function LayoutMenu({ mode, onChange }: { mode: LayoutMode; onChange: (mode: LayoutMode) => void }) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <ControlButton label="Layout" hint={`Layout: ${labels[mode].title} (L)`} icon={<LayoutGrid aria-hidden className="size-5" />} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content side="top" sideOffset={8} className="z-50 w-64 rounded-md border border-line bg-surface p-1 text-fg shadow-lg">
          <DropdownMenu.Label className="px-2 py-1 text-xs font-semibold text-fg-muted">Layout</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={mode} onValueChange={(value) => onChange(value as LayoutMode)}>
            {LAYOUT_MODES.map((option) => (
              <DropdownMenu.RadioItem
                key={option}
                value={option}
                className="relative cursor-default rounded py-1.5 pr-2 pl-7 text-sm outline-none select-none data-[highlighted]:bg-surface-muted"
              >
                <DropdownMenu.ItemIndicator className="absolute left-2 font-bold text-link">✓</DropdownMenu.ItemIndicator>
                <span className="block font-medium">{labels[option].title}</span>
                <span className="block text-xs text-fg-muted">{labels[option].description}</span>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
