import { type StoredChatFile, storedChatFileSchema } from "../signaling/chat";

export type UploadProgress = (sentBytes: number, totalBytes: number) => void;

/** Why an upload did not store the file, worded for the person who tried. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

export type UploadFile = (file: File, roomId: string, onProgress: UploadProgress, signal: AbortSignal) => Promise<StoredChatFile>;

function serverMessage(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    const message = (parsed as { error?: { message?: unknown } }).error?.message;
    return typeof message === "string" ? message : null;
  } catch {
    return null;
  }
}

/**
 * One file to `POST /api/uploads/chat` as the raw body. XMLHttpRequest rather than fetch: only it reports upload
 * progress in every browser. Resolves with the attachment the server stored; rejects with an UploadError, or an
 * AbortError when the signal fires.
 */
export const uploadChatFile: UploadFile = (file, roomId, onProgress, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException("Upload cancelled", "AbortError"));
    const request = new XMLHttpRequest();
    const query = new URLSearchParams({ room: roomId, name: file.name || "file" });
    request.open("POST", `/api/uploads/chat?${query}`);
    request.setRequestHeader("content-type", file.type || "application/octet-stream");
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        const parsed = storedChatFileSchema.safeParse(JSON.parse(request.responseText || "null"));
        if (parsed.success) resolve(parsed.data);
        else reject(new UploadError("The server's answer was not understood.", request.status));
        return;
      }
      reject(new UploadError(serverMessage(request.responseText) ?? `The upload failed (HTTP ${request.status}).`, request.status));
    };
    request.onerror = () => reject(new UploadError("The upload failed: the connection dropped.", null));
    const abort = () => {
      request.abort();
      reject(new DOMException("Upload cancelled", "AbortError"));
    };
    signal.addEventListener("abort", abort, { once: true });
    request.onloadend = () => signal.removeEventListener("abort", abort);
    request.send(file);
  });
