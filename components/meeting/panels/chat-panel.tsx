"use client";

import { useEffect, useRef } from "react";
import type { ChatMessage } from "@/lib/signaling";
import { ChatComposer } from "./chat-composer";
import { ChatMarkdown } from "./chat-markdown";
import { SidePanel } from "./side-panel";

type Props = {
  messages: readonly ChatMessage[];
  selfId: string | null;
  maxLength: number;
  canSend: boolean;
  /** Why this person cannot chat at all (the room turned chat off), shown instead of the composer. */
  blockedReason?: string | null;
  onSend: (text: string) => boolean;
  onClose: () => void;
};

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

/** Sticks to the newest message unless the person scrolled up to read older ones. */
function useStickToBottom(count: number) {
  const list = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);
  useEffect(() => {
    const element = list.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [count]);
  const onScroll = () => {
    const element = list.current;
    if (element) atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
  };
  return { list, onScroll };
}

export function ChatPanel({ messages, selfId, maxLength, canSend, blockedReason = null, onSend, onClose }: Props) {
  const { list, onScroll } = useStickToBottom(messages.length);
  return (
    <SidePanel id="chat-panel" title="Chat" onClose={onClose}>
      <ol ref={list} onScroll={onScroll} aria-label="Messages" className="flex-1 space-y-3 overflow-y-auto px-4 py-3">
        {messages.length === 0 ? <li className="text-sm text-slate-600">No messages yet. Say hello!</li> : null}
        {messages.map((message, index) => {
          const previous = messages[index - 1];
          // Consecutive messages from one person within two minutes share one header, as in most chat apps.
          const continued = previous?.from === message.from && message.sentAt - previous.sentAt < 120_000;
          return (
            <li key={message.id} data-testid="chat-message" className={continued ? "-mt-2" : ""}>
              {continued ? null : (
                <p className="flex items-baseline gap-2 text-xs">
                  <span className="font-semibold text-slate-900">{message.from === selfId ? "You" : message.name}</span>
                  <time dateTime={new Date(message.sentAt).toISOString()} className="text-slate-600">
                    {timeFormat.format(message.sentAt)}
                  </time>
                </p>
              )}
              <ChatMarkdown text={message.text} />
            </li>
          );
        })}
      </ol>
      {blockedReason ? (
        <p role="note" className="border-t border-slate-200 p-3 text-sm text-slate-700">
          {blockedReason}
        </p>
      ) : (
        <ChatComposer maxLength={maxLength} onSend={onSend} disabled={!canSend} />
      )}
    </SidePanel>
  );
}
