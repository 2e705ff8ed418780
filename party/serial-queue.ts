/**
 * Runs tasks one at a time in arrival order. A `hello` awaits Web Crypto (hashing resume tokens), and workerd
 * delivers further socket events meanwhile; without this, a message sent right after hello, or the socket's close,
 * could reach the meeting before the hello does. Synchronous tasks arriving while nothing is pending run at once, so
 * the relay's hot path pays nothing.
 */
export class SerialQueue {
  private tail: Promise<void> | undefined;

  constructor(private readonly onError: (error: unknown) => void) {}

  run(task: () => void | Promise<void>): void {
    if (this.tail) {
      this.track(this.tail.then(task));
      return;
    }
    try {
      const pending = task();
      if (pending) this.track(pending);
    } catch (error) {
      this.onError(error);
    }
  }

  private track(pending: Promise<void>): void {
    const tail: Promise<void> = pending
      .catch((error: unknown) => this.onError(error))
      .then(() => {
        if (this.tail === tail) this.tail = undefined;
      });
    this.tail = tail;
  }
}
