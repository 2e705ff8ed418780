import { describe, expect, it } from "vitest";
import { HELLO_TIMEOUT_MS } from "@/lib/meeting/meeting-policy";
import { LOBBY_SOCKET_MAX_AGE_MS, pickLobbySocket } from "@/lib/meeting-client/state/lobby-socket";

const now = 1_000_000;
const open = (ageMs: number) => ({ open: true, openedAt: now - ageMs });
const opening = { open: false, openedAt: null };
const reconnecting = (ageMs: number) => ({ open: false, openedAt: now - ageMs });

describe("pickLobbySocket", () => {
  it("leaves the server's hello timeout a margin, and the lobby's 20 s replacement fits inside it", () => {
    expect(LOBBY_SOCKET_MAX_AGE_MS).toBeLessThanOrEqual(HELLO_TIMEOUT_MS - 5_000);
    expect(LOBBY_SOCKET_MAX_AGE_MS).toBeGreaterThan(20_000);
  });

  it("takes the newest open socket, not an older one, while its replacement is still connecting", () => {
    expect(pickLobbySocket([open(19_000), open(1_000)], now)).toBe(1);
    expect(pickLobbySocket([open(19_000), opening], now)).toBe(0);
  });

  it("never says hello on a socket the server is about to close", () => {
    expect(pickLobbySocket([open(LOBBY_SOCKET_MAX_AGE_MS)], now)).toBeNull();
    expect(pickLobbySocket([open(LOBBY_SOCKET_MAX_AGE_MS - 1)], now)).toBe(0);
    // A stale open socket does not beat a fresh one still connecting: hello goes out when that one opens.
    expect(pickLobbySocket([open(28_000), opening], now)).toBe(1);
  });

  it("waits for a socket still connecting, but not for one that dropped and is reconnecting", () => {
    expect(pickLobbySocket([opening], now)).toBe(0);
    expect(pickLobbySocket([reconnecting(3_000)], now)).toBeNull();
    expect(pickLobbySocket([], now)).toBeNull();
  });
});
