"use client";

import { Paperclip, SendHorizontal } from "lucide-react";
import { useRef, useState } from "react";
import type { ChatUpload } from "@/lib/chat/chat-uploads";
import type { StoredChatFile } from "@/lib/signaling";
import { ChatUploadList } from "./chat-upload-list";

type Props = {
  maxLength: number;
  onSend: (text: string, files: StoredChatFile[]) => boolean;
  disabled: boolean;
  uploads: readonly ChatUpload[];
  onAddFiles: (files: File[]) => void;
  onRemoveUpload: (id: string) => void;
  /** Hands over the stored files (and clears them from the list) once the message is on its way. */
  takeStored: () => StoredChatFile[];
};

/** Screen readers hear the count only near the limit; sighted people see it while typing. */
const ANNOUNCE_REMAINING_BELOW = 200;

/** Enter sends, Shift+Enter starts a new line; files come from the clip button, a paste or a drop on the panel. */
export function ChatComposer({ maxLength, onSend, disabled, uploads, onAddFiles, onRemoveUpload, takeStored }: Props) {
  const [draft, setDraft] = useState("");
  const picker = useRef<HTMLInputElement>(null);
  const text = draft.trim();
  const remaining = maxLength - draft.length;
  const uploading = uploads.some((upload) => upload.status === "uploading");
  const stored = uploads.filter((upload) => upload.status === "stored").length;
  // A message waits for its files: it goes only once every one of them is stored.
  const canSend = (text.length > 0 || stored > 0) && remaining >= 0 && !disabled && !uploading;
  const send = () => {
    if (!canSend) return;
    const attachments = uploads.flatMap((upload) => (upload.attachment ? [upload.attachment] : []));
    if (onSend(text, attachments)) {
      setDraft("");
      takeStored();
    }
  };
  return (
    <form
      className="border-t border-line p-3"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <ChatUploadList uploads={uploads} onRemove={onRemoveUpload} />
      <label htmlFor="chat-input" className="sr-only">
        Message everyone
      </label>
      <div className="flex items-end gap-2">
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          data-testid="chat-file-input"
          onChange={(event) => {
            onAddFiles(Array.from(event.target.files ?? []));
            event.target.value = "";
          }}
        />
        <button
          type="button"
          aria-label="Attach files"
          disabled={disabled}
          onClick={() => picker.current?.click()}
          className="rounded-full p-2.5 text-fg-muted hover:bg-surface-muted disabled:text-fg-disabled"
        >
          <Paperclip aria-hidden className="size-4" />
        </button>
        <textarea
          id="chat-input"
          data-autofocus
          rows={2}
          value={draft}
          maxLength={maxLength}
          placeholder="Message everyone"
          aria-describedby="chat-input-help"
          onChange={(event) => setDraft(event.target.value)}
          onPaste={(event) => {
            const files = Array.from(event.clipboardData.files);
            if (files.length === 0) return;
            event.preventDefault();
            onAddFiles(files);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              send();
            }
          }}
          className="max-h-40 min-h-10 flex-1 resize-y rounded-md border border-line-strong px-3 py-2 text-sm"
        />
        <button
          type="submit"
          aria-label={uploading ? "Send message (waiting for uploads)" : "Send message"}
          disabled={!canSend}
          className="rounded-full bg-primary p-2.5 text-on-primary hover:bg-primary-hover disabled:bg-fill-disabled"
        >
          <SendHorizontal aria-hidden className="size-4" />
        </button>
      </div>
      <div className="mt-1 flex justify-between gap-2 text-xs text-fg-muted">
        <span id="chat-input-help">Enter to send · Shift+Enter for a new line · **bold**, _italic_, `code` · drop or paste files</span>
        <span id="chat-input-count" className={`shrink-0 tabular-nums ${remaining < ANNOUNCE_REMAINING_BELOW ? "font-semibold text-warning-fg" : ""}`}>
          {draft.length > 0 ? `${draft.length} / ${maxLength}` : ""}
        </span>
        <span aria-live="polite" className="sr-only">
          {remaining < ANNOUNCE_REMAINING_BELOW ? `${remaining} characters left` : ""}
        </span>
      </div>
    </form>
  );
}
