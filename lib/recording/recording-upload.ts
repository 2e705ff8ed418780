import { Upload } from "tus-js-client";
import { RECORDING_CHUNK_BYTES, RECORDING_UPLOAD_METADATA, RECORDING_UPLOAD_PATH } from "./upload-protocol";

/** Waits between retries of a failed request: long enough to ride out a network change or an app restart. */
const RETRY_DELAYS_MS = [0, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 30_000, 60_000, 60_000];

export type RecordingUploadOptions = {
  readonly recordingId: string;
  readonly roomId: string;
  readonly mimeType: string;
  /** Bytes the app has confirmed so far. */
  readonly onProgress?: (uploadedBytes: number) => void;
  /** The app's origin; the page's own by default. */
  readonly origin?: string;
};

/**
 * A tus upload fed while it runs: every piece MediaRecorder hands over is queued, sent in RECORDING_CHUNK_BYTES
 * PATCHes and retried until the app confirms it; the length is declared only once the recording ends
 * (`Upload-Defer-Length`). A piece is kept in memory only until the app has it.
 */
export class RecordingUpload {
  /** Settles when the app has the whole file, or rejects once retries are exhausted. */
  readonly finished: Promise<void>;
  private controller: ReadableStreamDefaultController<Blob> | null = null;
  private readonly upload: Upload;
  private closed = false;

  constructor(options: RecordingUploadOptions) {
    const stream = new ReadableStream<Blob>({ start: (controller) => void (this.controller = controller) });
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    this.finished = new Promise<void>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    // Nobody may await `finished` before the end; an early failure must not surface as an unhandled rejection.
    this.finished.catch(() => undefined);
    const origin = options.origin ?? globalThis.location.origin;
    this.upload = new Upload(stream.getReader(), {
      endpoint: new URL(RECORDING_UPLOAD_PATH, origin).href,
      uploadLengthDeferred: true,
      chunkSize: RECORDING_CHUNK_BYTES,
      retryDelays: RETRY_DELAYS_MS,
      // The upload's identity is the recording id the app knows, not a fingerprint of the bytes.
      storeFingerprintForResuming: false,
      metadata: {
        [RECORDING_UPLOAD_METADATA.recordingId]: options.recordingId,
        [RECORDING_UPLOAD_METADATA.roomId]: options.roomId,
        [RECORDING_UPLOAD_METADATA.mimeType]: options.mimeType,
      },
      onProgress: (uploaded) => options.onProgress?.(uploaded),
      onSuccess: () => resolve(),
      onError: (error) => reject(error),
    });
    this.upload.start();
  }

  /** Queues the next piece of the file. */
  push(piece: Blob): void {
    if (this.closed || piece.size === 0) return;
    this.controller?.enqueue(piece);
  }

  /** Declares the end: the last piece goes up with the final length. */
  finish(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.controller?.close();
    }
    return this.finished;
  }

  /** Stops sending; what the app has stays there and is finalized by it. */
  abort(): void {
    this.closed = true;
    void this.upload.abort();
  }
}
