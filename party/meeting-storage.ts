import type * as Party from "partykit/server";
import type { StorageChanges } from "../lib/meeting/meeting-events";

/** Durable Objects accept at most 128 keys per put() or delete() call. */
const MAX_KEYS_PER_CALL = 128;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += MAX_KEYS_PER_CALL) result.push(items.slice(start, start + MAX_KEYS_PER_CALL));
  return result;
}

/**
 * Issues the writes without awaiting them: Durable Object storage applies operations in the order they were issued,
 * coalesces those of one event into one atomic batch, and holds outgoing messages (the output gate) until they are
 * durable, so nothing is announced that a crash could lose, and the event loop never waits on disk.
 */
export function writeChanges(storage: Party.Storage, changes: StorageChanges, onError: (error: unknown) => void): void {
  for (const batch of chunks([...changes.put])) storage.put(Object.fromEntries(batch)).catch(onError);
  for (const batch of chunks(changes.delete)) storage.delete(batch).catch(onError);
}

export function scheduleWakeUp(storage: Party.Storage, at: number | null, onError: (error: unknown) => void): void {
  (at === null ? storage.deleteAlarm() : storage.setAlarm(at)).catch(onError);
}
