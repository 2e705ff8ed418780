type Listener<Event> = (event: Event) => void;

/** A minimal event emitter whose `on` returns its own unsubscribe, which is what a React effect cleanup wants. */
export class TypedEmitter<Events extends { [Type in keyof Events]: unknown }> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  on<Type extends keyof Events>(type: Type, listener: Listener<Events[Type]>): () => void {
    let listeners = this.listeners.get(type);
    if (!listeners) this.listeners.set(type, (listeners = new Set()));
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  emit<Type extends keyof Events>(type: Type, event: Events[Type]): void {
    for (const listener of this.listeners.get(type) ?? []) {
      try {
        (listener as Listener<Events[Type]>)(event);
      } catch (error) {
        // A broken listener must not stop the engine or the other listeners; surface it as an uncaught error.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
