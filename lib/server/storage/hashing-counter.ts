import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { BlobSizeMismatchError } from "./blob-storage";

/**
 * Passes bytes through while counting and hashing them; fails the stream as soon as it runs past `expected`
 * bytes, and at the end when it fell short, so a driver never keeps a blob of the wrong length.
 */
export class HashingCounter extends Transform {
  private readonly hash = createHash("sha256");
  private received = 0;

  constructor(private readonly expected: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.received += chunk.byteLength;
    if (this.received > this.expected) {
      callback(new BlobSizeMismatchError(this.expected, this.received));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.received === this.expected ? null : new BlobSizeMismatchError(this.expected, this.received));
  }

  /** Valid once the stream has ended without error. */
  digest(): { size: number; sha256: string } {
    return { size: this.received, sha256: this.hash.digest("hex") };
  }
}
