"use client";

import { useEffect, useRef } from "react";
import type { FloatingReaction } from "@/lib/meeting-client/state/meeting-view-state";

const DURATION_MS = 4000;

function FloatingEmoji({ reaction, name, onDone }: { reaction: FloatingReaction; name: string; onDone: (id: number) => void }) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    // Web Animations rather than CSS keyframes: the end of the animation is also when the reaction expires.
    const drift = (reaction.id % 5) * 12 - 24;
    const animation = element.animate(
      still
        ? [{ opacity: 0 }, { opacity: 1, offset: 0.1 }, { opacity: 1, offset: 0.8 }, { opacity: 0 }]
        : [
            { transform: "translate(0, 0) scale(0.6)", opacity: 0 },
            { transform: "translate(0, -40px) scale(1)", opacity: 1, offset: 0.15 },
            { transform: `translate(${drift}px, -220px) scale(1)`, opacity: 1, offset: 0.75 },
            { transform: `translate(${drift * 1.5}px, -300px) scale(0.9)`, opacity: 0 },
          ],
      { duration: DURATION_MS, easing: "ease-out", fill: "forwards" },
    );
    animation.onfinish = () => onDone(reaction.id);
    return () => animation.cancel();
  }, [reaction.id, onDone]);
  return (
    <li ref={ref} className="absolute bottom-0 flex flex-col items-center" style={{ left: `${(reaction.id * 37) % 70}%` }}>
      <span className="text-4xl drop-shadow">{reaction.emoji}</span>
      <span className="rounded bg-stage-scrim/70 px-1.5 text-xs text-stage-fg">{name}</span>
    </li>
  );
}

/** Emoji rising over the videos, bottom-left, each tagged with who sent it. */
export function FloatingReactions({ reactions, nameOf, onDone }: { reactions: readonly FloatingReaction[]; nameOf: (participantId: string) => string; onDone: (id: number) => void }) {
  return (
    <ul aria-hidden className="pointer-events-none absolute bottom-4 left-4 h-80 w-48 sm:w-64">
      {reactions.map((reaction) => (
        <FloatingEmoji key={reaction.id} reaction={reaction} name={nameOf(reaction.participantId)} onDone={onDone} />
      ))}
    </ul>
  );
}
