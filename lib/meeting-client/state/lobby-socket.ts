/**
 * The server closes a socket that has not said `hello` 30 s after it connected (HELLO_TIMEOUT_MS in
 * lib/meeting/meeting-policy.ts). Join does not use a lobby socket open for longer than this, so its `hello` never
 * races that close; the lobby replaces its socket every 20 s (GRANT_PREFETCH_INTERVAL_MS in lobby-grants.ts), well
 * before.
 */
export const LOBBY_SOCKET_MAX_AGE_MS = 25_000;

/** What Join needs to know of a lobby socket: whether it is open now, and when it (last) opened. */
export type LobbySocketState = { open: boolean; openedAt: number | null };

/**
 * The lobby socket Join says `hello` on, as an index into `sockets` (oldest first): the newest one open and young
 * enough; else the newest if it has never opened yet (`hello` then goes out when it does); else none, and Join
 * opens a socket of its own. A socket that opened once and is now down is reconnecting: not worth waiting for.
 */
export function pickLobbySocket(sockets: readonly LobbySocketState[], now: number): number | null {
  for (let index = sockets.length - 1; index >= 0; index -= 1) {
    const { open, openedAt } = sockets[index]!;
    if (open && openedAt !== null && now - openedAt < LOBBY_SOCKET_MAX_AGE_MS) return index;
  }
  const newest = sockets.length - 1;
  return newest >= 0 && sockets[newest]!.openedAt === null ? newest : null;
}
