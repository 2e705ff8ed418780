import type * as Party from "partykit/server";
import { MIN_PARTY_SECRET_LENGTH } from "../lib/join-token/claims";
import { verifyJoinToken } from "../lib/join-token/verify-join-token";
import type { MeetingEffect, MeetingEvent } from "../lib/meeting/meeting-events";
import { emptyMeeting, type MeetingState } from "../lib/meeting/meeting-state";
import { CLIENT_MESSAGE_RATE_LIMIT, fullBucket, takeToken, type TokenBucket } from "../lib/meeting/rate-limit";
import { reduceMeeting } from "../lib/meeting/reduce-meeting";
import { parseClientMessage } from "../lib/signaling/parse";
import { errorMessage, type ServerMessage } from "../lib/signaling/server-messages";
import { forwardWithIdentity, readForwardedIdentity } from "./verified-identity";

/** Policy violation: the close code for a socket that reached the room without a verified identity. */
const CLOSE_POLICY_VIOLATION = 1008;

function partySecret(env: Record<string, unknown>): string | undefined {
  const secret = env.PARTY_SECRET;
  return typeof secret === "string" && secret.length >= MIN_PARTY_SECRET_LENGTH ? secret : undefined;
}

/** One PartyKit room per meeting. Decisions live in lib/meeting; this class only moves bytes and keeps state. */
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
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(readonly room: Party.Room) {}

  onConnect(connection: Party.Connection, ctx: Party.ConnectionContext): void {
    this.guard("onConnect", () => {
      const identity = readForwardedIdentity(ctx.request.headers as unknown as Headers);
      if (!identity) {
        connection.close(CLOSE_POLICY_VIOLATION, "unauthenticated");
        return;
      }
      const now = Date.now();
      this.buckets.set(connection.id, fullBucket(CLIENT_MESSAGE_RATE_LIMIT, now));
      const { userId, name, role } = identity;
      this.apply({ type: "connected", participant: { id: connection.id, userId, name, role, joinedAt: now } });
    });
  }

  onMessage(raw: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection): void {
    this.guard("onMessage", () => {
      const bucket = this.buckets.get(sender.id);
      if (!bucket) return;
      const taken = takeToken(bucket, CLIENT_MESSAGE_RATE_LIMIT, Date.now());
      this.buckets.set(sender.id, taken.bucket);
      if (taken.verdict === "reject-silently") return;
      if (taken.verdict === "reject-and-notify") {
        this.sendTo(sender.id, errorMessage("rate_limited", "too many messages; some were dropped"));
        return;
      }
      if (typeof raw !== "string") {
        this.sendTo(sender.id, errorMessage("invalid_message", "binary frames are not part of the protocol"));
        return;
      }
      const parsed = parseClientMessage(raw);
      if (!parsed.ok) {
        this.sendTo(sender.id, parsed.error);
        return;
      }
      this.apply({ type: "message", connectionId: sender.id, message: parsed.message });
    });
  }

  onClose(connection: Party.Connection): void {
    this.guard("onClose", () => {
      this.leave(connection.id);
      // This workerd does not answer a client's close frame by itself; without the reply, browsers and `ws`
      // sit in CLOSING for their full close timeout (30 s in `ws`).
      connection.close(1000, "closed");
    });
  }

  onError(connection: Party.Connection, error: Error): void {
    this.guard("onError", () => {
      console.warn(`connection ${connection.id} failed: ${error.message}`);
      this.leave(connection.id);
    });
  }

  onRequest(request: Party.Request): Response {
    const { pathname } = new URL(request.url);
    if (request.method === "GET" && pathname.endsWith("/health")) {
      return new Response(JSON.stringify({ ok: true }), { headers: { "content-type": "application/json" } });
    }
    return new Response("not found", { status: 404 });
  }

  private leave(connectionId: string): void {
    this.buckets.delete(connectionId);
    this.apply({ type: "disconnected", connectionId });
  }

  private apply(event: MeetingEvent): void {
    const { state, effects } = reduceMeeting(this.meeting, event);
    this.meeting = state;
    effects.forEach((effect) => this.perform(effect));
  }

  private perform(effect: MeetingEffect): void {
    if (effect.type === "send") {
      this.sendTo(effect.to, effect.message);
      return;
    }
    const frame = JSON.stringify(effect.message);
    effect.to.forEach((id) => this.sendFrame(id, frame));
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

  /** An exception escaping a handler would surface as an unhandled rejection in workerd; log it instead. */
  private guard(handler: string, run: () => void): void {
    try {
      run();
    } catch (error) {
      console.error(`${handler} failed in room ${this.room.id}`, error);
    }
  }
}

MeetingServer satisfies Party.Worker;
