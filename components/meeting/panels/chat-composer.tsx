"use client";

import { SendHorizontal } from "lucide-react";
import { useState } from "react";

type Props = { maxLength: number; onSend: (text: string) => boolean; disabled: boolean };

/** Screen readers hear the count only near the limit; sighted people see it while typing. */
const ANNOUNCE_REMAINING_BELOW = 200;

/** Enter sends, Shift+Enter starts a new line. */
export function ChatComposer({ maxLength, onSend, disabled }: Props) {
  const [draft, setDraft] = useState("");
  const text = draft.trim();
  const remaining = maxLength - draft.length;
  const send = () => {
    if (text.length === 0 || remaining < 0 || disabled) return;
    if (onSend(text)) setDraft("");
  };
  return (
    <form
      className="border-t border-slate-200 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor="chat-input" className="sr-only">
        Message everyone
      </label>
      <div className="flex items-end gap-2">
        <textarea
          id="chat-input"
          data-autofocus
          rows={2}
          value={draft}
          maxLength={maxLength}
          placeholder="Message everyone"
          aria-describedby="chat-input-help"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              send();
            }
          }}
          className="max-h-40 min-h-10 flex-1 resize-y rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <button
          type="submit"
          aria-label="Send message"
          disabled={text.length === 0 || remaining < 0 || disabled}
          className="rounded-full bg-brand-700 p-2.5 text-white hover:bg-brand-800 disabled:bg-slate-300"
        >
          <SendHorizontal aria-hidden className="size-4" />
        </button>
      </div>
      <div className="mt-1 flex justify-between gap-2 text-xs text-slate-600">
        <span id="chat-input-help">Enter to send · Shift+Enter for a new line · **bold**, _italic_, `code`</span>
        <span id="chat-input-count" className={`shrink-0 tabular-nums ${remaining < ANNOUNCE_REMAINING_BELOW ? "font-semibold text-amber-800" : ""}`}>
          {draft.length > 0 ? `${draft.length} / ${maxLength}` : ""}
        </span>
        <span aria-live="polite" className="sr-only">
          {remaining < ANNOUNCE_REMAINING_BELOW ? `${remaining} characters left` : ""}
        </span>
      </div>
    </form>
  );
}
