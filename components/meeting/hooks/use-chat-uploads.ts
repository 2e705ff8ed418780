"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { ChatUploads } from "@/lib/chat/chat-uploads";

/** Binds the meeting's ChatUploads (lib/chat) to React: one per room and limit, disposed with the view. */
export function useChatUploads(roomId: string, maxBytes: number) {
  const [uploads] = useState(() => new ChatUploads(roomId, maxBytes));
  useEffect(() => () => uploads.dispose(), [uploads]);
  const list = useSyncExternalStore(
    (listener) => uploads.subscribe(listener),
    () => uploads.snapshot,
    () => uploads.snapshot,
  );
  return { uploads, list };
}
