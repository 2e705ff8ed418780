"use client";

import { X } from "lucide-react";
import { Dialog } from "radix-ui";
import { MEETING_SHORTCUTS } from "@/components/meeting/state/shortcuts";

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-scrim/50" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,440px)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-surface p-6 text-fg shadow-xl">
          <div className="flex items-start justify-between gap-4">
            <Dialog.Title className="text-lg font-semibold">Keyboard shortcuts</Dialog.Title>
            <Dialog.Close aria-label="Close" className="rounded-full p-1 text-fg-muted hover:bg-surface-muted">
              <X aria-hidden className="size-5" />
            </Dialog.Close>
          </div>
          <Dialog.Description className="mt-1 text-sm text-fg-muted">They work anywhere in the meeting except while typing.</Dialog.Description>
          <table className="mt-4 w-full text-sm">
            <thead className="sr-only">
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line-muted">
              {MEETING_SHORTCUTS.map((shortcut) => (
                <tr key={shortcut.key}>
                  <td className="py-2 pr-4">
                    <kbd className="rounded border border-line-strong bg-canvas px-2 py-0.5 font-mono text-xs uppercase">{shortcut.key}</kbd>
                  </td>
                  <td className="py-2">{shortcut.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
