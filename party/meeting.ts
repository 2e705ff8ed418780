import type * as Party from "partykit/server";
import { MIN_PARTY_SECRET_LENGTH } from "../lib/join-token/claims";
import { verifyJoinToken } from "../lib/join-token/verify-join-token";
import type { MeetingEffect, MeetingEvent, MeetingTransition } from "../lib/meeting/meeting-events";
import { emptyMeeting, type MeetingState } from "../lib/meeting/meeting-state";
import { restoreMeeting } from "../lib/meeting/persistence";
import { reduceMeeting } from "../lib/meeting/reduce-meeting";
import { hashResumeToken, issueResumeToken } from "../lib/meeting/resume-token";
import type { ClientMessage, HelloMessage } from "../lib/signaling/client-messages";
import { CLOSE_CODES } from "../lib/signaling/close-codes";
import { parseClientMessage } from "../lib/signaling/parse";
import { errorMessage, type ServerMessage } from "../lib/signaling/server-messages";
import { ConnectionThrottle } from "./connection-throttle";
import { scheduleWakeUp, writeChanges } from "./meeting-storage";
import { SerialQueue } from "./serial-queue";
import { forwardWithIdentity, readForwardedIdentity } from "./verified-identity";

function partySecret(env: Record<string, unknown>): string | undefined {
  const secret = env.PARTY_SECRET;
  return typeof secret === "string" && secret.length >= MIN_PARTY_SECRET_LENGTH ? secret : undefined;
}

/**
 * One PartyKit room per meeting. Decisions live in lib/meeting; this class moves bytes, keeps the state, and
 * performs the effects (sends, closes, storage writes, alarms).
 *
 * It never reads `room.id`: PartyKit 0.0.115 throws on it inside onAlarm, and forever after when an alarm was what
 * started the room (after an eviction), so logs name the room by its internal id.
 */
export default class MeetingServer implements Party.Server {
  /** Runs in the edge worker for every WebSocket upgrade, before the room is reached. */
  static async onBeforeConnect(request: Party.Request, lobby: Party.Lobby): Promise<Party.Request | Response> {
    const secret = partySecret(lobby.env);
    if (!secret) {
      console.error(`PARTY_SECRET is missing or shorter than ${MIN_PARTY_SECRET_LENGTH} characters`);
      return new Response("signaling is misconfigured", { status: 500 });
    }
    const token = new URL(request.url).searchParams.get("token");
    if (!token) return new Response("missing-token", { status: 401 });
    const verification = await verifyJoinToken(token, secret, lobby.id);
    if (!verification.ok) {
      return new Response(verification.reason, { status: verification.reason === "wrong-room" ? 403 : 401 });
    }
    // Party.Request is Cloudflare's typing of the very same runtime Request; the casts bridge the DOM typings.
    const forwarded = forwardWithIdentity(request as unknown as Request, verification.claims, crypto.randomUUID());
    return forwarded as unknown as Party.Request;
  }

  private meeting: MeetingState = emptyMeeting;
  private readonly throttle = new ConnectionThrottle();
  private readonly queue = new SerialQueue((error) => this.log("queued handler", error));

  constructor(readonly room: Party.Room) {}

  /** Before the first connection, request or alarm: recover the meeting a restart or eviction interrupted. */
  async onStart(): Promise<void> {
    try {
      const restored = restoreMeeting(await this.room.storage.list(), Date.now());
      if (restored.invalidKeys.length > 0) console.warn(`room ${this.room.internalID}: dropped invalid stored keys`, restored.invalidKeys);
      this.commit(restored);
    } catch (error) {
      this.log("onStart", error);
    }
  }

  onConnect(connection: Party.Connection, ctx: Party.ConnectionContext): void {
    this.guard("onConnect", () => {
      const identity = readForwardedIdentity(ctx.request.headers as unknown as Headers);
      if (!identity) {
        connection.close(CLOSE_CODES.unauthenticated, "unauthenticated");
        return;
      }
      const now = Date.now();
      this.throttle.open(connection.id, now);
      const { userId, name, role } = identity;
      this.queue.run(() => this.apply({ type: "connected", now, connectionId: connection.id, identity: { userId, name, role } }));
    });
  }

  onMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection): void {
    this.guard("onMessage", () => {
      const now = Date.now();
      if (!this.admitted(this.throttle.admitFrame(sender.id, now), sender.id)) return;
      if (typeof raw !== "string") {
        this.sendTo(sender.id, errorMessage("invalid_message", "binary frames are not part of the protocol"));
        return;
      }
      const parsed = parseClientMessage(raw);
      if (!parsed.ok) {
        this.sendTo(sender.id, parsed.error);
        return;
      }
      const { message } = parsed;
      if (!this.admitted(this.throttle.admitMessage(sender.id, message.type, now), sender.id)) return;
      this.queue.run(() => this.dispatch(sender.id, message));
    });
  }

  onClose(connection: Party.Connection): void {
    this.guard("onClose", () => {
      this.disconnect(connection.id);
      // This workerd does not answer a client's close frame by itself; without the reply, browsers and `ws`
      // sit in CLOSING for their full close timeout (30 s in `ws`).
      connection.close(1000, "closed");
    });
  }

  onError(connection: Party.Connection, error: Error): void {
    this.guard("onError", () => {
      console.warn(`connection ${connection.id} failed: ${error.message}`);
      this.disconnect(connection.id);
    });
  }

  /** Storage alarm: a hello timeout or reconnection deadline is due. */
  onAlarm(): void {
    this.queue.run(() => this.apply({ type: "tick", now: Date.now() }));
  }

  onRequest(request: Party.Request): Response {
    const { pathname } = new URL(request.url);
    if (request.method === "GET" && pathname.endsWith("/health")) {
      return new Response(JSON.stringify({ ok: true }), { headers: { "content-type": "application/json" } });
    }
    return new Response("not found", { status: 404 });
  }

  private admitted(verdict: "allow" | "reject-and-notify" | "reject-silently", connectionId: string): boolean {
    if (verdict === "reject-and-notify") this.sendTo(connectionId, errorMessage("rate_limited", "too many messages; some were dropped"));
    return verdict === "allow";
  }

  private disconnect(connectionId: string): void {
    this.throttle.forget(connectionId);
    this.queue.run(() => this.apply({ type: "disconnected", now: Date.now(), connectionId }));
  }

  private dispatch(connectionId: string, message: ClientMessage): void | Promise<void> {
    if (message.type === "hello") return this.hello(connectionId, message);
    const now = Date.now();
    if (message.type === "chat") this.apply({ type: "chat", now, connectionId, message, messageId: crypto.randomUUID() });
    else this.apply({ type: "message", now, connectionId, message });
  }

  /** The random parts of a hello are drawn here, so the state machine stays deterministic. */
  private async hello(connectionId: string, message: HelloMessage): Promise<void> {
    const [resumeTokenHash, issued] = await Promise.all([
      message.resume === undefined ? null : hashResumeToken(message.resume),
      issueResumeToken(),
    ]);
    this.apply({
      type: "hello",
      now: Date.now(),
      connectionId,
      v: message.v,
      resumeTokenHash,
      issued: { participantId: crypto.randomUUID(), resumeToken: issued.token, resumeTokenHash: issued.hash },
    });
  }

  private apply(event: MeetingEvent): void {
    this.commit(reduceMeeting(this.meeting, event));
  }

  private commit({ state, effects }: MeetingTransition): void {
    this.meeting = state;
    for (const effect of effects) this.perform(effect);
  }

  private perform(effect: MeetingEffect): void {
    switch (effect.type) {
      case "send":
        this.sendTo(effect.to, effect.message);
        return;
      case "broadcast": {
        const frame = JSON.stringify(effect.message);
        for (const id of effect.to) this.sendFrame(id, frame);
        return;
      }
      case "close":
        this.closeSocket(effect.connectionId, effect.code, effect.reason);
        return;
      case "persist":
        writeChanges(this.room.storage, effect, (error) => this.log("storage write", error));
        return;
      case "schedule":
        scheduleWakeUp(this.room.storage, effect.at, (error) => this.log("alarm", error));
        return;
    }
  }

  private sendTo(connectionId: string, message: ServerMessage): void {
    this.sendFrame(connectionId, JSON.stringify(message));
  }

  private sendFrame(connectionId: string, frame: string): void {
    // A peer may close between the decision and the send; that must not stop delivery to the others.
    try {
      this.room.getConnection(connectionId)?.send(frame);
    } catch (error) {
      console.warn(`send to ${connectionId} failed`, error);
    }
  }

  private closeSocket(connectionId: string, code: number, reason: string): void {
    try {
      this.room.getConnection(connectionId)?.close(code, reason);
    } catch (error) {
      console.warn(`close of ${connectionId} failed`, error);
    }
  }

  /** An exception escaping a handler would surface as an unhandled rejection in workerd; log it instead. */
  private guard(handler: string, run: () => void): void {
    try {
      run();
    } catch (error) {
      this.log(handler, error);
    }
  }

  private log(what: string, error: unknown): void {
    console.error(`${what} failed in room ${this.room.internalID}`, error);
  }
}

MeetingServer satisfies Party.Worker;
