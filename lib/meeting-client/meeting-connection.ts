import PartySocket from "partysocket";
import { type ClientMessage, PROTOCOL_VERSION, parseServerMessage, type ServerMessage } from "@/lib/signaling";
import { closeDecision, closeOutcome, doorRefusal } from "./state/close-outcome";
import { type JoinGrant, JoinRefusedError, type ReceivedGrant, isGrantFresh, requestJoinGrant } from "./state/join-grant";
import { JOIN_MARKS, markJoinStep } from "./state/join-timeline";
import { pickLobbySocket } from "./state/lobby-socket";

export type ConnectionHandlers = {
  /** Every frame from the server that parses; frames of a newer protocol are skipped. */
  onMessage: (message: ServerMessage) => void;
  /** The socket dropped while in the meeting; partysocket is already reconnecting. */
  onConnectionLost: () => void;
  /** Reconnecting cannot succeed (the room is gone or refuses this person); `closed`: the server closed the room. */
  onFatal: (message: string, exit?: "closed" | "refused") => void;
};

const MAX_REMEMBERED_TOKENS = 16;

/** One socket and what it is for: a lobby socket is quiet until `connect` makes it the meeting's. */
type Socket = { ws: PartySocket; lobby: boolean; grant: JoinGrant; openedAt: number | null };

function markSent(message: ClientMessage) {
  if (message.type !== "signal") return;
  const { payload } = message;
  if (payload.kind === "description") markJoinStep(payload.description.type === "offer" ? JOIN_MARKS.offerSent : JOIN_MARKS.answerSent);
  else if (payload.kind === "candidate") markJoinStep(JOIN_MARKS.candidateSent);
}

function markReceived(message: ServerMessage) {
  if (message.type === "welcome") markJoinStep(JOIN_MARKS.welcome);
  if (message.type !== "signal") return;
  const { payload } = message;
  if (payload.kind === "description") markJoinStep(payload.description.type === "offer" ? JOIN_MARKS.offerReceived : JOIN_MARKS.answerReceived);
  else if (payload.kind === "candidate") markJoinStep(JOIN_MARKS.candidateReceived);
}

/**
 * The signaling socket of one meeting. Each (re)connection fetches a fresh join token (they live 60 s) and sends
 * `hello` with the last `resume` token, so the server can give back the same participant id after a drop.
 */
export class MeetingConnection {
  /** The meeting's socket, from `connect` until `disconnect`. */
  private socket: Socket | null = null;
  /** Lobby sockets, oldest first: at most the open one and its replacement being opened. */
  private lobbySockets: Socket[] = [];
  private resumeToken: string | null = null;
  /**
   * Join tokens a socket attempt has presented: the room accepts each once, so none may be offered again. Only the
   * newest few can still be fresh enough to be offered.
   */
  private readonly spentTokens = new Set<string>();
  private joined = false;
  /** In the waiting room: `hello` was accepted, but nothing of the meeting may be sent until `welcome`. */
  private waiting = false;

  constructor(
    private readonly roomId: string,
    private readonly handlers: ConnectionHandlers,
  ) {}

  /**
   * Lobby: opens a socket with this grant without saying `hello`, so that Join only has to send it. The server keeps
   * such a socket for HELLO_TIMEOUT_MS; the lobby calls this again with each fresh grant (well within it), and the
   * new socket replaces the previous one once it is open. Ignored once connected.
   */
  prepare(grant: ReceivedGrant): void {
    if (this.socket) return;
    // A replacement still connecting is superseded by this fresher one; the open socket stays until it is.
    for (const entry of this.lobbySockets) if (entry.ws.readyState !== WebSocket.OPEN) this.dropLobbySocket(entry);
    this.lobbySockets = [...this.lobbySockets, this.openSocket(grant, true)];
  }

  /**
   * Says hello on the lobby's socket, or opens one with a grant (prefetched, or fetched now) and says hello when it
   * opens; resolves with the newest grant (its ICE servers are the ones to use).
   */
  async connect(prefetched: ReceivedGrant | null): Promise<JoinGrant> {
    this.disconnect(false);
    const ready = this.takeLobbySocket();
    if (ready) {
      ready.lobby = false;
      this.socket = ready;
      if (ready.ws.readyState === WebSocket.OPEN) this.sayHello(ready);
      return prefetched?.grant ?? ready.grant;
    }
    // The lobby may already have opened (and lost) a socket with the prefetched grant.
    const first = this.isUnspent(prefetched) ? prefetched : await requestJoinGrant(this.roomId);
    this.socket = this.openSocket(first, false);
    return first.grant;
  }

  /** Sends when joined; anything else is dropped rather than queued, so nothing reaches the server before `hello`. */
  readonly send = (message: ClientMessage): boolean => {
    const ws = this.socket?.ws;
    if (!ws || !this.joined || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(message));
    markSent(message);
    return true;
  };

  /** Says goodbye (when possible) and closes for good. */
  disconnect(sayLeave: boolean): void {
    const current = this.socket?.ws;
    this.socket = null;
    if (!current) return;
    if (sayLeave && (this.joined || this.waiting) && current.readyState === WebSocket.OPEN) {
      current.send(JSON.stringify({ type: "leave" } satisfies ClientMessage));
    }
    this.joined = false;
    this.waiting = false;
    this.resumeToken = null;
    current.close();
  }

  /** The page goes away: the meeting's socket says goodbye, the lobby's close. */
  dispose(): void {
    this.disconnect(true);
    for (const entry of this.lobbySockets) entry.ws.close();
    this.lobbySockets = [];
  }

  private spend(token: string): void {
    this.spentTokens.add(token);
    if (this.spentTokens.size > MAX_REMEMBERED_TOKENS) this.spentTokens.delete(this.spentTokens.values().next().value!);
  }

  private isUnspent(received: ReceivedGrant | null): received is ReceivedGrant {
    return isGrantFresh(received, Date.now()) && !this.spentTokens.has(received.grant.token);
  }

  private dropLobbySocket(entry: Socket): void {
    this.lobbySockets = this.lobbySockets.filter((other) => other !== entry);
    entry.ws.close();
  }

  private sayHello(entry: Socket): void {
    const hello: ClientMessage = this.resumeToken
      ? { type: "hello", v: PROTOCOL_VERSION, resume: this.resumeToken }
      : { type: "hello", v: PROTOCOL_VERSION };
    markJoinStep(JOIN_MARKS.socketOpen);
    entry.ws.send(JSON.stringify(hello));
    markJoinStep(JOIN_MARKS.helloSent);
  }

  /**
   * The newest open lobby socket young enough for `hello` (else the newest still opening), taken out of the lobby;
   * the others close.
   */
  private takeLobbySocket(): Socket | null {
    const sockets = this.lobbySockets;
    const picked = pickLobbySocket(
      sockets.map((entry) => ({ open: entry.ws.readyState === WebSocket.OPEN, openedAt: entry.openedAt })),
      Date.now(),
    );
    const chosen = picked === null ? null : sockets[picked]!;
    for (const entry of sockets) if (entry !== chosen) entry.ws.close();
    this.lobbySockets = [];
    return chosen;
  }

  private openSocket(first: ReceivedGrant, lobby: boolean): Socket {
    let pending: ReceivedGrant | null = first;
    const entry: Socket = { ws: null as unknown as PartySocket, lobby, grant: first.grant, openedAt: null };
    const ws = new PartySocket({
      host: first.grant.partyHost,
      room: first.grant.roomId,
      // Fresh tokens per attempt; the first attempt uses the grant we already hold.
      query: async () => {
        try {
          const received = this.isUnspent(pending) ? pending : await requestJoinGrant(this.roomId);
          pending = null;
          this.spend(received.grant.token);
          entry.grant = received.grant;
          return { token: received.grant.token };
        } catch (error) {
          if (error instanceof JoinRefusedError && error.permanent) {
            if (entry.lobby) this.dropLobbySocket(entry);
            else if (this.socket === entry) {
              this.disconnect(false);
              this.handlers.onFatal(error.message);
            }
          }
          throw error;
        }
      },
      minReconnectionDelay: 500,
      maxReconnectionDelay: 5000,
      reconnectionDelayGrowFactor: 1.6,
      // Buffered frames would be flushed before `hello` on reconnect and be refused; the meeting resends state.
      maxEnqueuedMessages: 0,
      shouldReconnectOnClose: (event) => closeDecision(event.code) === null,
    });
    entry.ws = ws;
    ws.addEventListener("open", () => this.onOpen(entry));
    ws.addEventListener("message", (event: MessageEvent) => this.onSocketMessage(entry, event));
    ws.addEventListener("close", (event: CloseEvent) => this.onClose(entry, event));
    return entry;
  }

  private onOpen(entry: Socket): void {
    entry.openedAt = Date.now();
    if (entry.lobby) {
      // The replacement is ready: the sockets opened before it are no longer needed.
      const index = this.lobbySockets.indexOf(entry);
      for (const older of this.lobbySockets.slice(0, Math.max(0, index))) this.dropLobbySocket(older);
      return;
    }
    if (this.socket === entry) this.sayHello(entry);
  }

  private onSocketMessage(entry: Socket, event: MessageEvent): void {
    // Before `hello` the server only ever sends errors (a hello timeout, rate limits): nothing a lobby acts on.
    if (entry.lobby || this.socket !== entry || typeof event.data !== "string") return;
    const parsed = parseServerMessage(event.data);
    if (!parsed.ok) return;
    const message = parsed.message;
    if (message.type === "error" && !this.joined && !this.waiting) {
      // The only thing sent before `welcome` is `hello`: refused at the door (locked, unsupported version).
      this.disconnect(false);
      const refusal = doorRefusal(message.code, message.message);
      this.handlers.onFatal(refusal.message, refusal.exit === "failed" ? undefined : refusal.exit);
      return;
    }
    markReceived(message);
    if (message.type === "welcome") {
      this.joined = true;
      this.waiting = false;
      this.resumeToken = message.resume;
    }
    // The waiting room's token reclaims the place after a server restart, as a seat's does.
    if (message.type === "waiting") {
      this.waiting = true;
      this.resumeToken = message.resume;
    }
    this.handlers.onMessage(message);
    // After these the server has closed the session for good: reconnecting would only knock on a closed door.
    if (message.type === "removed" || message.type === "ended" || message.type === "denied") this.disconnect(false);
  }

  private onClose(entry: Socket, event: CloseEvent): void {
    const outcome = closeOutcome(event.code, event.reason);
    const decision = outcome?.message ?? null;
    if (entry.lobby) {
      // A lobby socket the server closed (its hello timeout passed while timers slept, say) is simply gone:
      // the next grant opens another, and Join opens one itself when none is left.
      if (decision !== null) this.dropLobbySocket(entry);
      return;
    }
    if (this.socket !== entry) return;
    if (decision !== null) {
      this.disconnect(false);
      this.handlers.onFatal(decision, outcome?.exit === "failed" ? undefined : outcome?.exit);
      return;
    }
    if (this.joined) this.handlers.onConnectionLost();
    this.joined = false;
  }
}
