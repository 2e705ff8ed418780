"use client";

import PartySocket from "partysocket";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { type ClientMessage, PROTOCOL_VERSION, parseServerMessage, type ServerMessage } from "@/lib/signaling";
import { closeDecision, closeOutcome, doorRefusal } from "@/components/meeting/state/close-outcome";
import { type JoinGrant, JoinRefusedError, type ReceivedGrant, isGrantFresh, requestJoinGrant } from "@/components/meeting/state/join-grant";
import { JOIN_MARKS, markJoinStep } from "@/components/meeting/state/join-timeline";
import { pickLobbySocket } from "@/components/meeting/state/lobby-socket";

export type ConnectionHandlers = {
  /** Every frame from the server that parses; frames of a newer protocol are skipped. */
  onMessage: (message: ServerMessage) => void;
  /** The socket dropped while in the meeting; partysocket is already reconnecting. */
  onConnectionLost: () => void;
  /** Reconnecting cannot succeed (the room is gone or refuses this person); `closed`: the server closed the room. */
  onFatal: (message: string, exit?: "closed" | "refused") => void;
};

export type MeetingConnection = {
  /**
   * Lobby: opens a socket with this grant without saying `hello`, so that Join only has to send it. The server keeps
   * such a socket for HELLO_TIMEOUT_MS; the lobby calls this again with each fresh grant (well within it), and the
   * new socket replaces the previous one once it is open. Ignored once connected.
   */
  prepare: (grant: ReceivedGrant) => void;
  /**
   * Says hello on the lobby's socket, or opens one with a grant (prefetched, or fetched now) and says hello when it
   * opens; resolves with the newest grant (its ICE servers are the ones to use).
   */
  connect: (prefetched: ReceivedGrant | null) => Promise<JoinGrant>;
  /** Sends when joined; anything else is dropped rather than queued, so nothing reaches the server before `hello`. */
  send: (message: ClientMessage) => boolean;
  /** Says goodbye (when possible) and closes for good. */
  disconnect: (sayLeave: boolean) => void;
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
export function useMeetingConnection(roomId: string, handlers: ConnectionHandlers): MeetingConnection {
  /** The meeting's socket, from `connect` until `disconnect`. */
  const socket = useRef<Socket | null>(null);
  /** Lobby sockets, oldest first: at most the open one and its replacement being opened. */
  const lobbySockets = useRef<Socket[]>([]);
  const resumeToken = useRef<string | null>(null);
  /**
   * Join tokens a socket attempt has presented: the room accepts each once, so none may be offered again. Only the
   * newest few can still be fresh enough to be offered.
   */
  const spentTokens = useRef(new Set<string>());
  const spend = useCallback((token: string) => {
    spentTokens.current.add(token);
    if (spentTokens.current.size > MAX_REMEMBERED_TOKENS) spentTokens.current.delete(spentTokens.current.values().next().value!);
  }, []);
  const isUnspent = useCallback(
    (received: ReceivedGrant | null): received is ReceivedGrant => isGrantFresh(received, Date.now()) && !spentTokens.current.has(received.grant.token),
    [],
  );
  const joined = useRef(false);
  /** In the waiting room: `hello` was accepted, but nothing of the meeting may be sent until `welcome`. */
  const waiting = useRef(false);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  }, [handlers]);

  const disconnect = useCallback((sayLeave: boolean) => {
    const current = socket.current?.ws;
    socket.current = null;
    if (!current) return;
    if (sayLeave && (joined.current || waiting.current) && current.readyState === WebSocket.OPEN) {
      current.send(JSON.stringify({ type: "leave" } satisfies ClientMessage));
    }
    joined.current = false;
    waiting.current = false;
    resumeToken.current = null;
    current.close();
  }, []);

  const dropLobbySocket = useCallback((entry: Socket) => {
    lobbySockets.current = lobbySockets.current.filter((other) => other !== entry);
    entry.ws.close();
  }, []);

  const sayHello = useCallback((entry: Socket) => {
    const hello: ClientMessage = resumeToken.current
      ? { type: "hello", v: PROTOCOL_VERSION, resume: resumeToken.current }
      : { type: "hello", v: PROTOCOL_VERSION };
    markJoinStep(JOIN_MARKS.socketOpen);
    entry.ws.send(JSON.stringify(hello));
    markJoinStep(JOIN_MARKS.helloSent);
  }, []);

  const openSocket = useCallback(
    (first: ReceivedGrant, lobby: boolean): Socket => {
      let pending: ReceivedGrant | null = first;
      const entry: Socket = { ws: null as unknown as PartySocket, lobby, grant: first.grant, openedAt: null };
      const ws = new PartySocket({
        host: first.grant.partyHost,
        room: first.grant.roomId,
        // Fresh tokens per attempt; the first attempt uses the grant we already hold.
        query: async () => {
          try {
            const received = isUnspent(pending) ? pending : await requestJoinGrant(roomId);
            pending = null;
            spend(received.grant.token);
            entry.grant = received.grant;
            return { token: received.grant.token };
          } catch (error) {
            if (error instanceof JoinRefusedError && error.permanent) {
              if (entry.lobby) dropLobbySocket(entry);
              else if (socket.current === entry) {
                disconnect(false);
                handlersRef.current.onFatal(error.message);
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

      ws.addEventListener("open", () => {
        entry.openedAt = Date.now();
        if (entry.lobby) {
          // The replacement is ready: the sockets opened before it are no longer needed.
          const index = lobbySockets.current.indexOf(entry);
          for (const older of lobbySockets.current.slice(0, Math.max(0, index))) dropLobbySocket(older);
          return;
        }
        if (socket.current === entry) sayHello(entry);
      });
      ws.addEventListener("message", (event: MessageEvent) => {
        // Before `hello` the server only ever sends errors (a hello timeout, rate limits): nothing a lobby acts on.
        if (entry.lobby || socket.current !== entry || typeof event.data !== "string") return;
        const parsed = parseServerMessage(event.data);
        if (!parsed.ok) return;
        const message = parsed.message;
        if (message.type === "error" && !joined.current && !waiting.current) {
          // The only thing sent before `welcome` is `hello`: refused at the door (locked, unsupported version).
          disconnect(false);
          const refusal = doorRefusal(message.code, message.message);
          handlersRef.current.onFatal(refusal.message, refusal.exit === "failed" ? undefined : refusal.exit);
          return;
        }
        markReceived(message);
        if (message.type === "welcome") {
          joined.current = true;
          waiting.current = false;
          resumeToken.current = message.resume;
        }
        // The waiting room's token reclaims the place after a server restart, as a seat's does.
        if (message.type === "waiting") {
          waiting.current = true;
          resumeToken.current = message.resume;
        }
        handlersRef.current.onMessage(message);
        // After these the server has closed the session for good: reconnecting would only knock on a closed door.
        if (message.type === "removed" || message.type === "ended" || message.type === "denied") disconnect(false);
      });
      ws.addEventListener("close", (event: CloseEvent) => {
        const outcome = closeOutcome(event.code, event.reason);
        const decision = outcome?.message ?? null;
        if (entry.lobby) {
          // A lobby socket the server closed (its hello timeout passed while timers slept, say) is simply gone:
          // the next grant opens another, and Join opens one itself when none is left.
          if (decision !== null) dropLobbySocket(entry);
          return;
        }
        if (socket.current !== entry) return;
        if (decision !== null) {
          disconnect(false);
          handlersRef.current.onFatal(decision, outcome?.exit === "failed" ? undefined : outcome?.exit);
          return;
        }
        if (joined.current) handlersRef.current.onConnectionLost();
        joined.current = false;
      });
      return entry;
    },
    [disconnect, dropLobbySocket, isUnspent, roomId, sayHello, spend],
  );

  const prepare = useCallback(
    (grant: ReceivedGrant) => {
      if (socket.current) return;
      // A replacement still connecting is superseded by this fresher one; the open socket stays until it is.
      for (const entry of lobbySockets.current) if (entry.ws.readyState !== WebSocket.OPEN) dropLobbySocket(entry);
      lobbySockets.current = [...lobbySockets.current, openSocket(grant, true)];
    },
    [dropLobbySocket, openSocket],
  );

  /**
   * The newest open lobby socket young enough for `hello` (else the newest still opening), taken out of the lobby;
   * the others close.
   */
  const takeLobbySocket = useCallback((): Socket | null => {
    const sockets = lobbySockets.current;
    const picked = pickLobbySocket(
      sockets.map((entry) => ({ open: entry.ws.readyState === WebSocket.OPEN, openedAt: entry.openedAt })),
      Date.now(),
    );
    const chosen = picked === null ? null : sockets[picked]!;
    for (const entry of sockets) if (entry !== chosen) entry.ws.close();
    lobbySockets.current = [];
    return chosen;
  }, []);

  const connect = useCallback(
    async (prefetched: ReceivedGrant | null) => {
      disconnect(false);
      const ready = takeLobbySocket();
      if (ready) {
        ready.lobby = false;
        socket.current = ready;
        if (ready.ws.readyState === WebSocket.OPEN) sayHello(ready);
        return prefetched?.grant ?? ready.grant;
      }
      // The lobby may already have opened (and lost) a socket with the prefetched grant.
      const first = isUnspent(prefetched) ? prefetched : await requestJoinGrant(roomId);
      socket.current = openSocket(first, false);
      return first.grant;
    },
    [disconnect, isUnspent, openSocket, roomId, sayHello, takeLobbySocket],
  );

  const send = useCallback((message: ClientMessage) => {
    const ws = socket.current?.ws;
    if (!ws || !joined.current || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(message));
    markSent(message);
    return true;
  }, []);

  useEffect(
    () => () => {
      disconnect(true);
      for (const entry of lobbySockets.current) entry.ws.close();
      lobbySockets.current = [];
    },
    [disconnect],
  );

  return useMemo(() => ({ prepare, connect, send, disconnect }), [prepare, connect, send, disconnect]);
}
