export type Probe = { ok: boolean; latencyMs: number; error?: "timed out" | "unreachable" };

export const PROBE_TIMEOUT_MS = 2_000;

/**
 * Runs one reachability check, bounded in time. The health route is public, so a failure says only that the part
 * timed out or could not be reached; the reason (which may name hosts, users or queries) goes to the server's log.
 */
export async function probe(name: string, check: () => Promise<unknown>, timeoutMs = PROBE_TIMEOUT_MS): Promise<Probe> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = Symbol("timed out");
  try {
    const outcome = await Promise.race([check(), new Promise((resolve) => (timer = setTimeout(() => resolve(timedOut), timeoutMs)))]);
    const latencyMs = Math.round(performance.now() - started);
    if (outcome === timedOut) {
      console.error(`[health] ${name} did not answer within ${timeoutMs} ms`);
      return { ok: false, latencyMs, error: "timed out" };
    }
    return { ok: true, latencyMs };
  } catch (error) {
    console.error(`[health] ${name} is unreachable:`, error);
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
