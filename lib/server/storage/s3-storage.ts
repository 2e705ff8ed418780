import { Readable } from "node:stream";
import { AwsClient } from "aws4fetch";
import { assertBlobKey, type BlobContent, type BlobStorage, type ByteRange, type StoredBlob } from "./blob-storage";
import { HashingCounter } from "./hashing-counter";

export type S3StorageOptions = {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` (MinIO, Ceph, s3rver) rather than `bucket.endpoint/key`. */
  forcePathStyle: boolean;
};

export type PresignOptions = { expiresInSeconds: number; responseContentDisposition?: string; responseContentType?: string };

class S3Error extends Error {
  constructor(operation: string, key: string, status: number, body: string) {
    const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? "unknown";
    super(`S3 ${operation} ${key}: HTTP ${status} ${code}`);
    this.name = "S3Error";
  }
}

/**
 * Blobs in an S3-compatible bucket, over plain SigV4-signed HTTP (aws4fetch, not the 22 MB AWS SDK). A put streams
 * in one request with its length announced and its payload unsigned (the hash is only known at the end); S3 keeps
 * an object only once every announced byte arrived, and the driver never sends the last one before it knows the
 * source has exactly that many.
 */
export class S3Storage implements BlobStorage {
  readonly driver = "s3" as const;
  private readonly client: AwsClient;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new AwsClient({ accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, service: "s3", region: options.region, retries: 0 });
  }

  private url(key?: string): URL {
    if (key !== undefined) assertBlobKey(key);
    const base = new URL(this.options.endpoint);
    const path = key === undefined ? "" : `/${key}`;
    if (this.options.forcePathStyle) return new URL(`${base.pathname.replace(/\/$/, "")}/${this.options.bucket}${path}`, base);
    base.hostname = `${this.options.bucket}.${base.hostname}`;
    return new URL(path || "/", base);
  }

  private async request(method: string, url: URL, headers: Record<string, string> = {}): Promise<Response> {
    const signed = await this.client.sign(url.toString(), { method, headers: { "x-amz-content-sha256": "UNSIGNED-PAYLOAD", ...headers } });
    return fetch(signed);
  }

  async put(key: string, body: Readable, size: number): Promise<StoredBlob> {
    const url = this.url(key);
    const counter = new HashingCounter(size);
    body.once("error", (error) => counter.destroy(error));
    const abort = new AbortController();
    let streamError: unknown;
    // S3 commits an object once `content-length` bytes have arrived, so the last chunk is held back until the
    // counter has seen the source end at exactly `size`: a longer stream fails before S3 has every byte.
    async function* exactly(): AsyncGenerator<Buffer> {
      let held: Buffer | undefined;
      try {
        for await (const chunk of body.pipe(counter)) {
          if (held) yield held;
          held = chunk as Buffer;
        }
      } catch (error) {
        streamError = error;
        abort.abort(error);
        throw error;
      }
      if (held) yield held;
    }
    const signed = await this.client.sign(url.toString(), { method: "PUT", headers: { "x-amz-content-sha256": "UNSIGNED-PAYLOAD", "content-length": String(size) } });
    let response: Response;
    try {
      response = await fetch(url, {
        method: "PUT",
        headers: signed.headers,
        body: Readable.toWeb(Readable.from(exactly())) as ReadableStream<Uint8Array>,
        signal: abort.signal,
        duplex: "half",
      } as RequestInit & { duplex: "half" });
    } catch (error) {
      body.destroy();
      // Should a server have kept a partial object anyway, it must not outlive the failed put.
      await this.delete(key).catch(() => undefined);
      throw streamError ?? error;
    }
    if (!response.ok || streamError) {
      const text = await response.text().catch(() => "");
      body.destroy();
      await this.delete(key).catch(() => undefined);
      throw streamError ?? new S3Error("PUT", key, response.status, text);
    }
    await response.body?.cancel();
    return counter.digest();
  }

  async get(key: string, range?: ByteRange): Promise<BlobContent | null> {
    const response = await this.request("GET", this.url(key), range ? { range: `bytes=${range.start}-${range.end}` } : {});
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok || !response.body) throw new S3Error("GET", key, response.status, await response.text());
    const total = response.status === 206 ? Number(/\/(\d+)$/.exec(response.headers.get("content-range") ?? "")?.[1]) : Number(response.headers.get("content-length"));
    return { body: response.body, size: total };
  }

  async delete(key: string): Promise<void> {
    const response = await this.request("DELETE", this.url(key));
    const text = await response.text();
    if (!response.ok && response.status !== 404) throw new S3Error("DELETE", key, response.status, text);
  }

  async size(key: string): Promise<number | null> {
    const response = await this.request("HEAD", this.url(key));
    await response.body?.cancel();
    if (response.status === 404) return null;
    if (!response.ok) throw new S3Error("HEAD", key, response.status, "");
    return Number(response.headers.get("content-length"));
  }

  /** A time-limited GET URL anyone holding it may fetch (for players and downloads that bypass the app). */
  async presignGet(key: string, options: PresignOptions): Promise<string> {
    const url = this.url(key);
    url.searchParams.set("X-Amz-Expires", String(options.expiresInSeconds));
    if (options.responseContentDisposition) url.searchParams.set("response-content-disposition", options.responseContentDisposition);
    if (options.responseContentType) url.searchParams.set("response-content-type", options.responseContentType);
    const signed = await this.client.sign(url.toString(), { method: "GET", aws: { signQuery: true } });
    return signed.url;
  }

  /** Creates the bucket when it is missing (the test stack's fresh server). */
  async ensureBucket(): Promise<void> {
    const response = await this.request("PUT", this.url());
    const text = await response.text();
    if (response.ok || (response.status === 409 && text.includes("<Code>BucketAlreadyOwnedByYou</Code>"))) return;
    // BucketAlreadyExists is someone else's bucket on AWS, but s3rver (one account) answers it for ours too: the
    // bucket is fine only if these credentials can reach it.
    if (response.status === 409) {
      const head = await this.request("HEAD", this.url());
      await head.body?.cancel();
      if (head.ok) return;
    }
    throw new S3Error("PUT bucket", this.options.bucket, response.status, text);
  }
}
