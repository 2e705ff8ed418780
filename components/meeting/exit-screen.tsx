"use client";

import { LogIn } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import type { ExitReason } from "@/lib/meeting-client/state/meeting-view-state";

const headings: Record<ExitReason, string> = {
  left: "You left the meeting",
  ended: "The meeting ended",
  removed: "You were removed from the meeting",
  denied: "A host didn't let you in",
  refused: "You couldn't join the meeting",
  failed: "You couldn't stay in the meeting",
  closed: "This room was closed",
};

const explanations: Record<ExitReason, string> = {
  left: "Your camera and microphone are off.",
  ended: "A host ended the meeting for everyone.",
  removed: "A host removed you. You can ask to come back by rejoining.",
  denied: "A host declined your request to join this meeting. You can ask again by rejoining.",
  refused: "Try again later, or ask a host.",
  failed: "The connection to the meeting could not be restored.",
  closed: "The room is no longer available.",
};

export function ExitScreen({ orgName, reason, detail, onRejoin }: { orgName: string; reason: ExitReason; detail?: string; onRejoin: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="exit-heading" className="mx-auto max-w-md space-y-4 rounded-xl border border-line bg-surface p-8 text-center shadow-sm">
      <p data-testid="exit-org" className="text-xs font-medium tracking-wide text-fg-muted uppercase">
        {orgName} Meet
      </p>
      <h2 id="exit-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold outline-none">
        {headings[reason]}
      </h2>
      <p className="text-sm text-fg-muted">{detail ?? explanations[reason]}</p>
      <div className="flex flex-wrap justify-center gap-2">
        {/* A closed room refuses every join: offering Rejoin would only fail again. */}
        {reason !== "closed" && (
          <Button onClick={onRejoin}>
            <LogIn aria-hidden className="size-4" /> Rejoin
          </Button>
        )}
        <Link href="/" className={buttonClasses("secondary")}>
          Back to rooms
        </Link>
      </div>
    </section>
  );
}
