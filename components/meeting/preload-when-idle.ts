/**
 * Starts `load` (a lazily loaded part's `import()`) once the browser is idle, so the part is ready before it is
 * needed without competing with the first paint. Returns the cancel, for a React effect's cleanup.
 */
export function preloadWhenIdle(load: () => Promise<unknown>): () => void {
  const start = () => void load().catch(() => undefined);
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(start, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(start, 500);
  return () => clearTimeout(timer);
}
