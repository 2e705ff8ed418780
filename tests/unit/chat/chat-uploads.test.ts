import { describe, expect, it } from "vitest";
import { ChatUploads } from "@/lib/chat/chat-uploads";
import type { UploadFile } from "@/lib/chat/upload-file";
import type { StoredChatFile } from "@/lib/signaling";

type Pending = { file: File; progress: (sent: number, total: number) => void; resolve: (attachment: StoredChatFile) => void; reject: (error: Error) => void; signal: AbortSignal };

/** An upload the test finishes by hand, to see every state the composer can be in. */
function controllableUpload() {
  const pending: Pending[] = [];
  const upload: UploadFile = (file, _roomId, progress, signal) =>
    new Promise((resolve, reject) => {
      pending.push({ file, progress, resolve, reject, signal });
      signal.addEventListener("abort", () => reject(new DOMException("cancelled", "AbortError")));
    });
  return { upload, pending };
}

const attachmentFor = (file: File): StoredChatFile => ({
  name: file.name,
  size: file.size,
  mimeType: "application/pdf",
  url: `/api/files/${file.name.replace(/\W/g, "")}`,
  ticket: `ticket-${file.name}`,
});
const file = (name: string, bytes = 10) => new File([new Uint8Array(bytes)], name, { type: "application/pdf" });

describe("ChatUploads", () => {
  it("uploads at once, reports progress, and hands over only stored files", async () => {
    const { upload, pending } = controllableUpload();
    const uploads = new ChatUploads("room-1", 1000, upload);
    let notified = 0;
    uploads.subscribe(() => notified++);
    uploads.add([file("a.pdf", 100), file("b.pdf", 100)]);
    expect(uploads.busy).toBe(true);
    expect(uploads.snapshot.map((entry) => entry.status)).toEqual(["uploading", "uploading"]);

    pending[0]!.progress(40, 100);
    expect(uploads.snapshot[0]!.sentBytes).toBe(40);
    pending[0]!.resolve(attachmentFor(pending[0]!.file));
    await Promise.resolve();
    await Promise.resolve();
    expect(uploads.snapshot[0]!.status).toBe("stored");
    expect(uploads.busy).toBe(true);

    pending[1]!.reject(new Error("The server said no."));
    await Promise.resolve();
    await Promise.resolve();
    expect(uploads.snapshot[1]).toMatchObject({ status: "failed", error: "The server said no." });
    expect(uploads.busy).toBe(false);

    expect(uploads.takeStored()).toEqual([attachmentFor(pending[0]!.file)]);
    expect(uploads.snapshot).toEqual([]);
    expect(notified).toBeGreaterThan(4);
  });

  it("refuses an oversized or empty file before sending a byte", () => {
    const { upload, pending } = controllableUpload();
    const uploads = new ChatUploads("room-1", 1000, upload);
    uploads.add([file("big.pdf", 1001), file("empty.pdf", 0)]);
    expect(pending).toHaveLength(0);
    expect(uploads.snapshot.map((entry) => entry.error)).toEqual([expect.stringContaining("at most 1000 B"), "The file is empty."]);
  });

  it("takes at most ten files per message", () => {
    const { upload, pending } = controllableUpload();
    const uploads = new ChatUploads("room-1", 1000, upload);
    uploads.add(Array.from({ length: 11 }, (_, index) => file(`f${index}.pdf`)));
    expect(pending).toHaveLength(10);
    expect(uploads.snapshot[10]).toMatchObject({ status: "failed", error: "At most 10 files per message." });
  });

  it("cancels an upload in flight without reporting it as failed", async () => {
    const { upload, pending } = controllableUpload();
    const uploads = new ChatUploads("room-1", 1000, upload);
    uploads.add([file("a.pdf")]);
    const [entry] = uploads.snapshot;
    uploads.remove(entry!.id);
    expect(pending[0]!.signal.aborted).toBe(true);
    await Promise.resolve();
    expect(uploads.snapshot).toEqual([]);
  });

  it("aborts everything in flight when disposed", () => {
    const { upload, pending } = controllableUpload();
    const uploads = new ChatUploads("room-1", 1000, upload);
    uploads.add([file("a.pdf"), file("b.pdf")]);
    uploads.dispose();
    expect(pending.every((entry) => entry.signal.aborted)).toBe(true);
  });
});
