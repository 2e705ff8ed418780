/** A new token is fetched this long before the current one expires; a failed fetch is retried after the retry. */
const RENEW_BEFORE_MS = 60_000;
const RENEW_RETRY_MS = 10_000;

export type SfuToken = { token: string; expiresAt: string };

/**
 * Keeps a Janus token fresh for as long as it runs: Janus checks the token on every request, keepalives included,
 * so the next one is fetched a minute before the current one expires. Returns the function that stops it.
 */
export function renewTokens(options: { expiresAt: string; fetchToken: () => Promise<SfuToken | null>; onToken: (token: string) => void; onFailure: (error: Error) => void }): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const schedule = (expiresAt: string) => {
    const delay = Math.max(RENEW_RETRY_MS, new Date(expiresAt).getTime() - Date.now() - RENEW_BEFORE_MS);
    timer = setTimeout(async () => {
      const next = await options.fetchToken().catch(() => null);
      if (stopped) return;
      if (next) options.onToken(next.token);
      else options.onFailure(new Error("the app gave no new SFU token"));
      schedule(next ? next.expiresAt : new Date(Date.now() + RENEW_BEFORE_MS + RENEW_RETRY_MS).toISOString());
    }, delay);
  };
  schedule(options.expiresAt);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
