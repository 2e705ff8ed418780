"use client";

import PartySocket from "partysocket";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { type ClientMessage, PROTOCOL_VERSION, parseServerMessage, type ServerMessage } from "@/lib/signaling";
import { closeDecision } from "@/components/meeting/state/close-outcome";
import { type JoinGrant, JoinRefusedError, type ReceivedGrant, isGrantFresh, requestJoinGrant } from "@/components/meeting/state/join-grant";

export type ConnectionHandlers = {
  /** Every frame from the server that parses; frames of a newer protocol are skipped. */
  onMessage: (message: ServerMessage) => void;
  /** The socket dropped while in the meeting; partysocket is already reconnecting. */
  onConnectionLost: () => void;
  /** Reconnecting cannot succeed (the room is gone or refuses this person). */
  onFatal: (message: string) => void;
};

export type MeetingConnection = {
  /** Opens the meeting's socket with a grant (prefetched, or fetched now) and says hello; resolves with the grant. */
  connect: (prefetched: ReceivedGrant | null) => Promise<JoinGrant>;
  /** Sends when joined; anything else is dropped rather than queued, so nothing reaches the server before `hello`. */
  send: (message: ClientMessage) => boolean;
  /** Says goodbye (when possible) and closes for good. */
  disconnect: (sayLeave: boolean) => void;
};

/**
 * The signaling socket of one meeting. Each (re)connection fetches a fresh join token (they live 60 s) and sends
 * `hello` with the last `resume` token, so the server can give back the same participant id after a drop.
 */
export function useMeetingConnection(roomId: string, handlers: ConnectionHandlers): MeetingConnection {
  const socket = useRef<PartySocket | null>(null);
  const resumeToken = useRef<string | null>(null);
  const joined = useRef(false);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  }, [handlers]);

  const disconnect = useCallback((sayLeave: boolean) => {
    const current = socket.current;
    socket.current = null;
    if (!current) return;
    if (sayLeave && joined.current && current.readyState === WebSocket.OPEN) current.send(JSON.stringify({ type: "leave" } satisfies ClientMessage));
    joined.current = false;
    resumeToken.current = null;
    current.close();
  }, []);

  const connect = useCallback(
    async (prefetched: ReceivedGrant | null) => {
      disconnect(false);
      const first = isGrantFresh(prefetched, Date.now()) ? prefetched : await requestJoinGrant(roomId);
      let pending: ReceivedGrant | null = first;
      const ws = new PartySocket({
        host: first.grant.partyHost,
        room: first.grant.roomId,
        // Fresh tokens per attempt; the first attempt uses the grant we already hold.
        query: async () => {
          try {
            const received = isGrantFresh(pending, Date.now()) ? pending : await requestJoinGrant(roomId);
            pending = null;
            return { token: received.grant.token };
          } catch (error) {
            if (error instanceof JoinRefusedError && error.permanent && socket.current === ws) {
              disconnect(false);
              handlersRef.current.onFatal(error.message);
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
      socket.current = ws;

      ws.addEventListener("open", () => {
        if (socket.current !== ws) return;
        const hello: ClientMessage = resumeToken.current
          ? { type: "hello", v: PROTOCOL_VERSION, resume: resumeToken.current }
          : { type: "hello", v: PROTOCOL_VERSION };
        ws.send(JSON.stringify(hello));
      });
      ws.addEventListener("message", (event: MessageEvent) => {
        if (socket.current !== ws || typeof event.data !== "string") return;
        const parsed = parseServerMessage(event.data);
        if (!parsed.ok) return;
        const message = parsed.message;
        if (message.type === "error" && !joined.current) {
          // The only thing sent before `welcome` is `hello`: refused at the door (locked, unsupported version).
          disconnect(false);
          handlersRef.current.onFatal(message.message);
          return;
        }
        if (message.type === "welcome") {
          joined.current = true;
          resumeToken.current = message.resume;
        }
        handlersRef.current.onMessage(message);
        // After these the server has closed the session for good: reconnecting would only knock on a closed door.
        if (message.type === "removed" || message.type === "ended") disconnect(false);
      });
      ws.addEventListener("close", (event: CloseEvent) => {
        if (socket.current !== ws) return;
        const decision = closeDecision(event.code);
        if (decision !== null) {
          disconnect(false);
          handlersRef.current.onFatal(decision);
          return;
        }
        if (joined.current) handlersRef.current.onConnectionLost();
        joined.current = false;
      });
      return first.grant;
    },
    [disconnect, roomId],
  );

  const send = useCallback((message: ClientMessage) => {
    const ws = socket.current;
    if (!ws || !joined.current || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(message));
    return true;
  }, []);

  useEffect(() => () => disconnect(true), [disconnect]);

  return useMemo(() => ({ connect, send, disconnect }), [connect, send, disconnect]);
}
