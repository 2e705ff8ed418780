"use client";

import { type DragEvent, useEffect, useRef, useState } from "react";
import type { ChatUpload, ChatUploads } from "@/lib/chat/chat-uploads";
import type { ChatMessage, StoredChatFile } from "@/lib/signaling";
import { ChatAttachments } from "./chat-attachments";
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
  onSend: (text: string, files: StoredChatFile[]) => boolean;
  onClose: () => void;
  uploads: ChatUploads;
  uploadList: readonly ChatUpload[];
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

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes("Files");

export function ChatPanel({ messages, selfId, maxLength, canSend, blockedReason = null, onSend, onClose, uploads, uploadList }: Props) {
  const { list, onScroll } = useStickToBottom(messages.length);
  const [dragging, setDragging] = useState(false);
  const mayDrop = canSend && !blockedReason;
  return (
    <SidePanel id="chat-panel" title="Chat" onClose={onClose}>
      <div
        className="relative flex min-h-0 flex-1 flex-col"
        data-testid="chat-drop-zone"
        onDragOver={(event) => {
          if (!mayDrop || !carriesFiles(event)) return;
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(event) => {
          setDragging(false);
          if (!mayDrop || !carriesFiles(event)) return;
          event.preventDefault();
          uploads.add(Array.from(event.dataTransfer.files));
        }}
      >
        {dragging ? (
          <div aria-hidden className="pointer-events-none absolute inset-2 z-10 flex items-center justify-center rounded-lg border-2 border-dashed border-primary bg-surface/90 text-sm font-medium text-primary-soft-fg">
            Drop files to share them
          </div>
        ) : null}
        <ol ref={list} onScroll={onScroll} aria-label="Messages" className="flex-1 space-y-3 overflow-y-auto px-4 py-3">
          {messages.length === 0 ? <li className="text-sm text-fg-muted">No messages yet. Say hello!</li> : null}
          {messages.map((message, index) => {
            const previous = messages[index - 1];
            // Consecutive messages from one person within two minutes share one header, as in most chat apps.
            const continued = previous?.from === message.from && message.sentAt - previous.sentAt < 120_000;
            return (
              <li key={message.id} data-testid="chat-message" className={continued ? "-mt-2" : ""}>
                {continued ? null : (
                  <p className="flex items-baseline gap-2 text-xs">
                    <span className="font-semibold text-fg">{message.from === selfId ? "You" : message.name}</span>
                    <time dateTime={new Date(message.sentAt).toISOString()} className="text-fg-muted">
                      {timeFormat.format(message.sentAt)}
                    </time>
                  </p>
                )}
                {message.text.trim() ? <ChatMarkdown text={message.text} /> : null}
                {message.attachments ? <ChatAttachments attachments={message.attachments} /> : null}
              </li>
            );
          })}
        </ol>
        {blockedReason ? (
          <p role="note" className="border-t border-line p-3 text-sm text-fg-muted">
            {blockedReason}
          </p>
        ) : (
          <ChatComposer
            maxLength={maxLength}
            onSend={onSend}
            disabled={!canSend}
            uploads={uploadList}
            onAddFiles={(files) => uploads.add(files)}
            onRemoveUpload={(id) => uploads.remove(id)}
            takeStored={() => uploads.takeStored()}
          />
        )}
      </div>
    </SidePanel>
  );
}
