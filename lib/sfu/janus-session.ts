import Janode from "janode";
import VideoRoomPlugin, { type VideoRoomHandle } from "janode/plugins/videoroom";
import { mintJanusToken } from "./janus-token";

/** How the app server reaches its Janus instances (lib/config/server-env.ts: JANUS_*). */
export type JanusAccess = { tokenSecret: string; adminKey: string; tokenTtlSeconds: number };

// janode logs to the console by itself; its errors reach the caller as exceptions, which say more.
Janode.Logger.setLevel("none");

export class JanusUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`Janus at ${url} is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "JanusUnavailableError";
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One short-lived Janus session on `url` with a token of its own: attaches the videoroom plugin, runs `work`,
 * then ends the session and the socket whatever happened. The app server is stateless, so nothing is kept open.
 */
export async function withVideoRoom<T>(url: string, access: JanusAccess, work: (handle: VideoRoomHandle) => Promise<T>, timeoutMs = 5_000): Promise<T> {
  const { token } = mintJanusToken({ secret: access.tokenSecret, ttlSeconds: access.tokenTtlSeconds });
  let connection: Awaited<ReturnType<typeof Janode.connect>> | null = null;
  try {
    connection = await withTimeout(Janode.connect({ address: { url, token }, retry_time_secs: 1, max_retries: 1 }), timeoutMs, "connecting");
  } catch (error) {
    throw new JanusUnavailableError(url, error);
  }
  try {
    const session = await withTimeout(connection.create(), timeoutMs, "creating a session");
    try {
      const handle = await withTimeout(session.attach(VideoRoomPlugin), timeoutMs, "attaching the videoroom");
      return await withTimeout(work(handle), timeoutMs, "the videoroom request");
    } finally {
      await session.destroy().catch(() => {});
    }
  } finally {
    await connection.close().catch(() => {});
  }
}
