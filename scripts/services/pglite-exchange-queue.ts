import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};

/** The internals of pglite-socket's query queue that this module takes over. */
type QueryQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue: () => Promise<void>;
  clearTransactionIfNeeded: (handlerId: number) => Promise<void>;
};

/**
 * Extended-protocol messages that leave an exchange open until the client's Sync: Parse, Bind, Describe,
 * Execute, Close, Flush. A simple Query, Sync, Terminate or startup message completes on its own.
 */
const OPENS_EXCHANGE = new Set(["P", "B", "D", "E", "C", "H"].map((letter) => letter.charCodeAt(0)));

/**
 * pglite-socket runs every connection on PGlite's single session and only keeps one connection's messages
 * together inside an explicit transaction. Outside one, a client's Parse/Bind/Execute/Sync can interleave with
 * another client's, so a Bind lands on someone else's unnamed statement: wrong rows, or errors, under
 * concurrent load (reproduced by tests/integration/rooms/concurrent-requests.test.ts). This replaces the
 * queue's scheduler so a connection keeps the session from its first message of an exchange to its Sync, and
 * for the whole of a transaction, as a real Postgres backend per connection would.
 */
export function serializeProtocolExchanges(server: PGLiteSocketServer, db: PGlite): void {
  const queryQueue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let owner: number | null = null;

  queryQueue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        if (index < 0 || this.queue.length === 0) break;
        const [item] = this.queue.splice(index, 1) as [QueuedMessage];
        let bytes = 0;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          owner = null;
          item.reject(error);
          continue;
        }
        const exchangeOpen = OPENS_EXCHANGE.has(item.message[0] ?? 0);
        owner = exchangeOpen || db.isInTransaction() ? item.handlerId : null;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  // pglite-socket calls this when a client disconnects: roll back what it left open and free the session, so a
  // client that vanished mid-exchange or mid-transaction cannot stall everyone else.
  queryQueue.clearTransactionIfNeeded = async (handlerId: number) => {
    if (owner !== handlerId) return;
    if (db.isInTransaction()) await db.exec("ROLLBACK");
    owner = null;
    await queryQueue.processQueue();
  };
}
