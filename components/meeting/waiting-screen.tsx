"use client";

import { Hourglass } from "lucide-react";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/**
 * The waiting room, as the person waiting sees it: nothing of the meeting (no roster, media or chat), only that a
 * host has been asked. Their camera preview stays off-screen; Cancel leaves the queue.
 */
export function WaitingScreen({ roomName, onCancel, recordingNotice }: { roomName: string; onCancel: () => void; recordingNotice: string | null }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      aria-labelledby="waiting-heading"
      data-testid="waiting-room"
      className="mx-auto max-w-md space-y-4 rounded-xl border border-line bg-surface p-8 text-center shadow-sm"
    >
      <Hourglass aria-hidden className="mx-auto size-8 text-link motion-safe:animate-pulse" />
      <h2 id="waiting-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold outline-none">
        Waiting for the host to let you in
      </h2>
      <p className="text-sm text-fg-muted">
        You asked to join <span className="font-medium">{roomName}</span>. A host has been told you&apos;re here; this page updates by itself.
      </p>
      {recordingNotice ? <p className="text-sm text-danger-fg">{recordingNotice}</p> : null}
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </section>
  );
}
