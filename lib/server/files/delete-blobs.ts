import "server-only";
import { blobStorage } from "@/lib/server/storage/storage";

/**
 * Removes blobs whose rows are already gone. Best effort: a blob that fails to go is logged, not retried here,
 * so the delete the person asked for still succeeds (an orphan blob is unreachable: no row names it).
 */
export async function deleteBlobs(storageKeys: readonly string[]): Promise<void> {
  const storage = blobStorage();
  const results = await Promise.allSettled(storageKeys.map((key) => storage.delete(key)));
  results.forEach((result, index) => {
    if (result.status === "rejected") console.error(`Could not delete blob ${storageKeys[index]}`, result.reason);
  });
}
