import { ChatAttachments } from "@/components/meeting/panels/chat-attachments";
import { ChatMarkdown } from "@/components/meeting/panels/chat-markdown";
import type { HistoryChatMessage } from "@/lib/server/meetings/get-meeting-history";

const formatTime = (date: Date) => date.toISOString().slice(11, 16) + " UTC";

/** A meeting's chat after the fact: as it read in the meeting, files included (they stay behind their access check). */
export function ChatTranscript({ messages }: { messages: readonly HistoryChatMessage[] }) {
  if (messages.length === 0) return <p className="text-sm text-fg-muted">No one wrote in the chat.</p>;
  return (
    <ol aria-label="Chat messages" className="space-y-3 rounded-md border border-line bg-surface p-4">
      {messages.map((message) => (
        <li key={message.id} data-testid="history-chat-message">
          <p className="flex items-baseline gap-2 text-xs">
            <span className="font-semibold text-fg">{message.authorName}</span>
            <time dateTime={message.sentAt.toISOString()} className="text-fg-muted">
              {formatTime(message.sentAt)}
            </time>
          </p>
          {message.text.trim() ? <ChatMarkdown text={message.text} /> : null}
          {message.attachments.length > 0 ? <ChatAttachments attachments={message.attachments} /> : null}
        </li>
      ))}
    </ol>
  );
}
