import { type ReceivedGrant, requestJoinGrant } from "./state/join-grant";

/**
 * Grants are refreshed in the lobby so that Join never waits for one (tokens live 60 s), and each opens the lobby's
 * next socket, so one never nears the server's 30 s hello timeout (see meeting-connection.ts).
 */
export const GRANT_PREFETCH_INTERVAL_MS = 20_000;

/**
 * While the person is in the lobby: a fresh join grant at hand, each handed to `onGrant` (which opens a lobby
 * socket with it). Returns the stop function; `take` hands over the newest grant, once.
 */
export class LobbyGrants {
  private latest: ReceivedGrant | null = null;

  constructor(
    private readonly roomId: string,
    private readonly request: (roomId: string) => Promise<ReceivedGrant> = requestJoinGrant,
  ) {}

  start(onGrant: (grant: ReceivedGrant) => void): () => void {
    let inLobby = true;
    const prefetch = () =>
      this.request(this.roomId).then(
        (received) => {
          this.latest = received;
          if (inLobby) onGrant(received);
        },
        () => (this.latest = null),
      );
    void prefetch();
    const timer = setInterval(prefetch, GRANT_PREFETCH_INTERVAL_MS);
    return () => {
      inLobby = false;
      clearInterval(timer);
    };
  }

  take(): ReceivedGrant | null {
    const grant = this.latest;
    this.latest = null;
    return grant;
  }
}
