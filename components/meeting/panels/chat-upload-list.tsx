"use client";

import { X } from "lucide-react";
import { formatBytes } from "@/lib/domain/file-policy";
import type { ChatUpload } from "@/lib/chat/chat-uploads";

type Props = { uploads: readonly ChatUpload[]; onRemove: (id: string) => void };

/** The files waiting to go with the next message: progress while they upload, the reason when one failed. */
export function ChatUploadList({ uploads, onRemove }: Props) {
  if (uploads.length === 0) return null;
  return (
    <ul className="mb-2 space-y-1.5" aria-label="Files to send">
      {uploads.map((upload) => {
        const percent = upload.size > 0 ? Math.min(100, Math.round((upload.sentBytes / upload.size) * 100)) : 100;
        return (
          <li key={upload.id} className="rounded-md border border-line px-2 py-1.5 text-xs" data-testid="chat-upload" data-status={upload.status}>
            <div className="flex items-center gap-2">
              <span className="min-w-0 flex-1 truncate font-medium text-fg">{upload.name}</span>
              <span className="shrink-0 text-fg-muted">{upload.status === "uploading" ? `${percent}%` : formatBytes(upload.size)}</span>
              <button
                type="button"
                onClick={() => onRemove(upload.id)}
                className="rounded p-0.5 text-fg-muted hover:bg-surface-strong"
                aria-label={upload.status === "uploading" ? `Cancel upload of ${upload.name}` : `Remove ${upload.name}`}
              >
                <X aria-hidden className="size-3.5" />
              </button>
            </div>
            {upload.status === "uploading" ? (
              <div role="progressbar" aria-label={`Uploading ${upload.name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="mt-1 h-1 rounded bg-surface-strong">
                <div className="h-1 rounded bg-primary transition-[width]" style={{ width: `${percent}%` }} />
              </div>
            ) : null}
            {upload.error ? (
              <p role="alert" className="mt-1 text-danger-fg">
                {upload.error}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
