"use client";

import { Smile } from "lucide-react";
import { Popover } from "radix-ui";
import { REACTION_EMOJIS } from "@/lib/signaling";
import { ControlButton } from "./control-button";

const emojiNames: Record<string, string> = {
  "👍": "Thumbs up",
  "👏": "Clapping",
  "😂": "Laughing",
  "❤️": "Heart",
  "🎉": "Celebration",
  "😮": "Surprised",
  "🤔": "Thinking",
  "👋": "Waving",
};

export function ReactionsPopover({ onReact, disabled }: { onReact: (emoji: (typeof REACTION_EMOJIS)[number]) => void; disabled: boolean }) {
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <ControlButton label="Reactions" icon={<Smile aria-hidden className="size-5" />} disabled={disabled} />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content side="top" sideOffset={8} aria-label="Send a reaction" className="z-50 flex gap-1 rounded-full border border-line bg-surface p-1.5 shadow-lg">
          {REACTION_EMOJIS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              aria-label={emojiNames[emoji] ?? emoji}
              title={emojiNames[emoji] ?? emoji}
              onClick={() => onReact(emoji)}
              className="grid size-10 place-items-center rounded-full text-2xl transition-transform hover:scale-125 hover:bg-surface-muted focus-visible:scale-125"
            >
              {emoji}
            </button>
          ))}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
