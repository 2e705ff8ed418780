import { formatBytes } from "../domain/file-policy";
import { MAX_CHAT_ATTACHMENTS, type StoredChatFile } from "../signaling/chat";
import { type UploadFile, uploadChatFile } from "./upload-file";

export type ChatUpload = {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly sentBytes: number;
  readonly status: "uploading" | "stored" | "failed";
  readonly error: string | null;
  readonly attachment: StoredChatFile | null;
};

type Listener = () => void;

/**
 * The files a person is about to send in chat: each uploads as soon as it is picked, dropped or pasted, with its
 * progress, and can be cancelled or removed. A message takes only stored files, so nothing is ever sent that the
 * server does not hold. Framework-free; React subscribes (components/meeting/hooks/use-chat-uploads.ts).
 */
export class ChatUploads {
  private uploads: readonly ChatUpload[] = [];
  private readonly controllers = new Map<string, AbortController>();
  private readonly listeners = new Set<Listener>();
  private nextId = 1;

  constructor(
    private readonly roomId: string,
    private readonly maxBytes: number,
    private readonly upload: UploadFile = uploadChatFile,
  ) {}

  get snapshot(): readonly ChatUpload[] {
    return this.uploads;
  }

  get busy(): boolean {
    return this.uploads.some((upload) => upload.status === "uploading");
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(files: Iterable<File>): void {
    for (const file of files) {
      const id = `upload-${this.nextId++}`;
      const tooMany = this.uploads.length >= MAX_CHAT_ATTACHMENTS;
      const tooLarge = file.size > this.maxBytes;
      const empty = file.size === 0;
      const error = tooMany
        ? `At most ${MAX_CHAT_ATTACHMENTS} files per message.`
        : tooLarge
          ? `Files can be at most ${formatBytes(this.maxBytes)}; this one is ${formatBytes(file.size)}.`
          : empty
            ? "The file is empty."
            : null;
      this.put({ id, name: file.name || "file", size: file.size, sentBytes: 0, status: error ? "failed" : "uploading", error, attachment: null });
      if (!error) void this.start(id, file);
    }
  }

  /** Stops an upload in flight (nothing is kept) or forgets a finished or failed one. */
  remove(id: string): void {
    this.controllers.get(id)?.abort();
    this.controllers.delete(id);
    this.set(this.uploads.filter((upload) => upload.id !== id));
  }

  /** The stored files, handed to a message that is being sent; the list starts over. */
  takeStored(): StoredChatFile[] {
    const stored = this.uploads.flatMap((upload) => (upload.attachment ? [upload.attachment] : []));
    this.set(this.uploads.filter((upload) => upload.status === "uploading"));
    return stored;
  }

  dispose(): void {
    for (const controller of this.controllers.values()) controller.abort();
    this.controllers.clear();
    this.listeners.clear();
  }

  private async start(id: string, file: File): Promise<void> {
    const controller = new AbortController();
    this.controllers.set(id, controller);
    try {
      const attachment = await this.upload(file, this.roomId, (sentBytes) => this.patch(id, { sentBytes }), controller.signal);
      this.patch(id, { status: "stored", sentBytes: file.size, attachment });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.patch(id, { status: "failed", error: error instanceof Error ? error.message : "The upload failed." });
    } finally {
      this.controllers.delete(id);
    }
  }

  private put(upload: ChatUpload): void {
    this.set([...this.uploads, upload]);
  }

  private patch(id: string, change: Partial<ChatUpload>): void {
    if (!this.uploads.some((upload) => upload.id === id)) return;
    this.set(this.uploads.map((upload) => (upload.id === id ? { ...upload, ...change } : upload)));
  }

  private set(uploads: readonly ChatUpload[]): void {
    this.uploads = uploads;
    for (const listener of this.listeners) listener();
  }
}
