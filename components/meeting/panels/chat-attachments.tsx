"use client";

import { Download, FileText, X } from "lucide-react";
import { Dialog } from "radix-ui";
import { formatBytes, INLINE_IMAGE_TYPES } from "@/lib/domain/file-policy";
import type { ChatAttachment } from "@/lib/signaling";

function ImageAttachment({ attachment }: { attachment: ChatAttachment }) {
  // The server shows a file inline only when its bytes are a raster image; for anything else this <img> fails.
  const inlineUrl = `${attachment.url}?inline=1`;
  return (
    <Dialog.Root>
      <Dialog.Trigger className="block overflow-hidden rounded-md border border-line hover:border-primary focus-visible:outline-2" aria-label={`Open image ${attachment.name}`}>
        {/* eslint-disable-next-line @next/next/no-img-element -- a private, session-bound file: next/image cannot fetch it */}
        <img src={inlineUrl} alt={attachment.name} loading="lazy" className="max-h-40 max-w-full object-contain" data-testid="chat-image" />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-stage/80" />
        <Dialog.Content className="fixed inset-4 z-50 flex flex-col items-center justify-center gap-3 text-stage-fg" aria-describedby={undefined}>
          <div className="flex w-full max-w-5xl items-center justify-between gap-3">
            <Dialog.Title className="truncate text-sm font-medium">{attachment.name}</Dialog.Title>
            <div className="flex gap-2">
              <a href={attachment.url} download={attachment.name} className="rounded-md bg-stage-fg/10 p-2 hover:bg-stage-fg/20" aria-label={`Download ${attachment.name}`}>
                <Download aria-hidden className="size-4" />
              </a>
              <Dialog.Close className="rounded-md bg-stage-fg/10 p-2 hover:bg-stage-fg/20" aria-label="Close image">
                <X aria-hidden className="size-4" />
              </Dialog.Close>
            </div>
          </div>
          {/* eslint-disable-next-line @next/next/no-img-element -- see above */}
          <img src={inlineUrl} alt={attachment.name} className="max-h-[80vh] max-w-full object-contain" />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function FileAttachment({ attachment }: { attachment: ChatAttachment }) {
  return (
    <div className="flex items-center gap-3 rounded-md border border-line bg-canvas p-2" data-testid="chat-file">
      <FileText aria-hidden className="size-6 shrink-0 text-fg-muted" />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-fg">{attachment.name}</p>
        <p className="text-xs text-fg-muted">
          {formatBytes(attachment.size)} · {attachment.mimeType}
        </p>
      </div>
      <a href={attachment.url} download={attachment.name} className="rounded-md p-2 text-fg-muted hover:bg-surface-strong" aria-label={`Download ${attachment.name}`}>
        <Download aria-hidden className="size-4" />
      </a>
    </div>
  );
}

/** Images as thumbnails that open a viewer; everything else (SVG and HTML included) as a card to download. */
export function ChatAttachments({ attachments }: { attachments: readonly ChatAttachment[] }) {
  return (
    <ul className="mt-1 space-y-1.5" aria-label="Attached files">
      {attachments.map((attachment) => (
        <li key={attachment.url}>
          {INLINE_IMAGE_TYPES.has(attachment.mimeType) ? <ImageAttachment attachment={attachment} /> : <FileAttachment attachment={attachment} />}
        </li>
      ))}
    </ul>
  );
}
