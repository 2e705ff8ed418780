import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import type { BlobStorage } from "./blob-storage";
import { LocalDiskStorage } from "./local-disk-storage";
import { S3Storage } from "./s3-storage";

let cached: BlobStorage | null = null;

/** The blob store the environment chose (FILE_STORAGE); one per process. */
export function blobStorage(): BlobStorage {
  if (cached) return cached;
  const env = serverEnv();
  const storage: BlobStorage =
    env.FILE_STORAGE === "s3"
      ? new S3Storage({
          endpoint: env.S3_ENDPOINT!,
          region: env.S3_REGION,
          bucket: env.S3_BUCKET!,
          accessKeyId: env.S3_ACCESS_KEY_ID!,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
        })
      : new LocalDiskStorage(env.FILE_STORAGE_DIR);
  cached = storage;
  return storage;
}
