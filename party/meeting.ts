import type * as Party from "partykit/server";
import { verifyAttachmentTicket } from "../lib/chat/attachment-ticket";
import { MIN_PARTY_SECRET_LENGTH } from "../lib/join-token/claims";
import { verifyJoinToken } from "../lib/join-token/verify-join-token";
import type { MeetingEffect, MeetingEvent, MeetingTransition } from "../lib/meeting/meeting-events";
import { emptyMeeting, type MeetingState } from "../lib/meeting/meeting-state";
import { stampFeature, stampSamples } from "../lib/meeting/analytics-stamp";
import { meetingRecordsFor, type RecordableEvent } from "../lib/meeting/meeting-records";
import { presenceOf } from "../lib/meeting/presence";
import { restoreMeeting } from "../lib/meeting/persistence";
import { MAX_RECORD_BATCH_BYTES, MAX_RECORD_EVENTS_PER_BATCH, MEETING_RECORDS_PATH, type MeetingRecordEvent } from "../lib/internal-api/meeting-records";
import { AppOutbox } from "./app-outbox";
import { INTERNAL_AUDIENCES, verifyInternalRequest } from "../lib/internal-api/internal-signature";
import { PARTY_CONTROL_SUFFIX, type PartyPresence, partyControlSchema } from "../lib/internal-api/party-control";
import { reduceMeeting } from "../lib/meeting/reduce-meeting";
import { hashResumeToken, issueResumeToken } from "../lib/meeting/resume-token";
import type { AdmitMessage, ChatSendMessage, ClientMessage, HelloMessage } from "../lib/signaling/client-messages";
import { CLOSE_CODES } from "../lib/signaling/close-codes";
import { parseClientMessage } from "../lib/signaling/parse";
import { errorMessage, type ServerMessage } from "../lib/signaling/server-messages";
import { type AdmissionVerdict, ConnectionAdmission } from "../lib/meeting/connection-admission";
import { AnalyticsForwarder } from "./analytics-forwarder";
import { ConnectionThrottle } from "./connection-throttle";
import { scheduleWakeUp, writeChanges } from "./meeting-storage";
import { SerialQueue } from "./serial-queue";
import { forwardWithIdentity, readForwardedIdentity } from "./verified-identity";

/** Room-storage key of the running meeting's record id, so a restart keeps filing under the same Meeting. */
const MEETING_ID_KEY = "records:meeting-id";
/** Room-storage key of the room id, learned on a connection: `room.id` throws in a room an alarm started. */
const ROOM_ID_KEY = "records:room-id";
/** RFC 6455 "Try Again Later": not one of the room's decisions (lib/signaling/close-codes.ts), so clients retry. */
const TRY_AGAIN_LATER = 1013;

/** How a socket the admission turned away is closed; reused tokens and too many sockets are the room's decisions. */
const admissionRefusals: Record<Exclude<AdmissionVerdict, "admit">, { code: number; reason: string }> = {
  "token-reused": { code: CLOSE_CODES.tokenReused, reason: "token already used" },
  "too-many-connections": { code: CLOSE_CODES.tooManySeats, reason: "too many connections" },
  busy: { code: TRY_AGAIN_LATER, reason: "busy" },
};

/** Bounded below the app's 5 s close timeout (lib/server/party/close-party-room.ts). */
const CLOSE_DRAIN_MS = 3_000;

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
  /** In memory: a restarted room forgets which tokens were used, which leaves them their last seconds at most. */
  private readonly admission = new ConnectionAdmission();
  private readonly queue = new SerialQueue((error) => this.log("queued handler", error));
  /**
   * The Meeting record id (lib/meeting/meeting-records.ts): set when the first participant is seated, null between
   * meetings; analytics arriving while it is null are dropped, as they could not be attributed.
   */
  private meetingId: string | null = null;
  private forwarder: AnalyticsForwarder | null = null;
  private records: AppOutbox<MeetingRecordEvent> | null = null;
  /** The Room id (PartyKit room name) for meeting records; see ROOM_ID_KEY. */
  private roomId: string | null = null;

  constructor(readonly room: Party.Room) {}

  /** Before the first connection, request or alarm: recover the meeting a restart or eviction interrupted. */
  async onStart(): Promise<void> {
    try {
      const entries = await this.room.storage.list();
      // The meeting id lives beside the meeting's state (not in it), so restoreMeeting must not see it as invalid.
      const storedMeetingId = entries.get(MEETING_ID_KEY);
      const storedRoomId = entries.get(ROOM_ID_KEY);
      entries.delete(MEETING_ID_KEY);
      entries.delete(ROOM_ID_KEY);
      if (typeof storedRoomId === "string") this.roomId = storedRoomId;
      this.meetingId = typeof storedMeetingId === "string" ? storedMeetingId : null;
      const now = Date.now();
      const before = this.meeting;
      const restored = restoreMeeting(entries, now);
      this.record(before, restored.state, { type: "tick", now });
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
      const verdict = this.admission.admit(connection.id, identity, now);
      if (verdict !== "admit") {
        const { code, reason } = admissionRefusals[verdict];
        connection.close(code, reason);
        return;
      }
      this.throttle.open(connection.id, now);
      this.learnRoomId();
      const { userId, name, role, policy, expiresAt } = identity;
      // The token's expiry stamps its policy: the meeting keeps the newest policy it has seen (lib/meeting).
      const stamped = { userId, name, role, policy: { value: policy, stamp: expiresAt } };
      this.queue.run(() => this.apply({ type: "connected", now, connectionId: connection.id, identity: stamped }));
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

  async onRequest(request: Party.Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (request.method === "GET" && pathname.endsWith("/health")) {
      return new Response(JSON.stringify({ ok: true }), { headers: { "content-type": "application/json" } });
    }
    if (request.method === "POST" && pathname.endsWith(PARTY_CONTROL_SUFFIX)) return this.control(request);
    return new Response("not found", { status: 404 });
  }

  /** Next.js → PartyKit (signed): close the room for everyone, e.g. when it expired. */
  private async control(request: Party.Request): Promise<Response> {
    const secret = partySecret(this.room.env);
    const body = await request.text();
    if (!secret || body.length > 4096) return new Response("refused", { status: 401 });
    if (!(await verifyInternalRequest(request.headers.get("authorization"), body, secret, INTERNAL_AUDIENCES.party))) {
      return new Response("refused", { status: 401 });
    }
    let parsed;
    try {
      parsed = partyControlSchema.safeParse(JSON.parse(body));
    } catch {
      return new Response("invalid", { status: 400 });
    }
    if (!parsed.success) return new Response("invalid", { status: 400 });
    const control = parsed.data;
    this.learnRoomId();
    if (control.action === "presence") {
      const presence: PartyPresence = { meetingId: this.meetingId, ...presenceOf(this.meeting, control.userId), recording: this.meeting.room.recording };
      return new Response(JSON.stringify(presence), { headers: { "content-type": "application/json" } });
    }
    // In the queue, so no handler runs against the meeting halfway through its closing.
    await new Promise<void>((resolve) =>
      this.queue.run(async () => {
        try {
          if (control.action === "close") await this.closeRoom(control.reason);
          else this.apply({ type: "policy", now: Date.now(), policy: { value: control.policy, stamp: control.stamp } });
        } finally {
          resolve();
        }
      }),
    );
    return new Response(JSON.stringify({ ok: true }), { headers: { "content-type": "application/json" } });
  }

  private async closeRoom(reason: string): Promise<void> {
    const before = this.meeting;
    this.record(before, emptyMeeting, { type: "closed", now: Date.now(), reason });
    this.meeting = emptyMeeting;
    for (const connection of this.room.getConnections()) {
      try {
        connection.close(CLOSE_CODES.roomClosed, reason);
      } catch (error) {
        console.warn(`close of ${connection.id} failed`, error);
      }
    }
    try {
      await this.room.storage.deleteAlarm();
      await this.room.storage.deleteAll();
    } catch (error) {
      this.log("storage clear", error);
    }
    // The app archives a room that has meeting history and deletes one that never met: it must have this
    // room's Meeting rows before it decides, so the close is confirmed only once they are delivered.
    if (this.records && !(await this.records.drain(CLOSE_DRAIN_MS))) this.log("close", new Error("records not delivered before close"));
  }

  private admitted(verdict: "allow" | "reject-and-notify" | "reject-silently", connectionId: string): boolean {
    if (verdict === "reject-and-notify") this.sendTo(connectionId, errorMessage("rate_limited", "too many messages; some were dropped"));
    return verdict === "allow";
  }

  private disconnect(connectionId: string): void {
    this.admission.release(connectionId);
    this.throttle.forget(connectionId);
    this.queue.run(() => this.apply({ type: "disconnected", now: Date.now(), connectionId }));
  }

  private dispatch(connectionId: string, message: ClientMessage): void | Promise<void> {
    if (message.type === "hello") return this.hello(connectionId, message);
    if (message.type === "admit") return this.admit(connectionId, message);
    const now = Date.now();
    if (message.type === "chat") return this.chat(connectionId, message);
    if (message.type === "record") return this.apply({ type: "record", now, connectionId, message, recordingId: crypto.randomUUID() });
    this.apply({ type: "message", now, connectionId, message });
  }

  /** Attachment tickets are checked here (signature, this meeting); whether the sender shared them, in lib/meeting. */
  private async chat(connectionId: string, message: ChatSendMessage): Promise<void> {
    const secret = partySecret(this.room.env);
    const meetingId = this.meetingId;
    const attachments = await Promise.all(
      (message.attachments ?? []).map(async ({ ticket }) => {
        const claims = secret === undefined ? null : await verifyAttachmentTicket(ticket, secret);
        return claims !== null && claims.meetingId === meetingId ? { attachment: claims.attachment, ownerId: claims.ownerId } : null;
      }),
    );
    this.apply({ type: "chat", now: Date.now(), connectionId, message, messageId: crypto.randomUUID(), attachments });
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
      issued: { participantId: crypto.randomUUID(), resumeToken: issued.token, resumeTokenHash: issued.hash, recordingId: crypto.randomUUID() },
    });
  }

  /** Whoever this admission may seat gets a resume token drawn now (their welcome carries it). */
  private async admit(connectionId: string, message: AdmitMessage): Promise<void> {
    const { waiting: list } = this.meeting;
    const waiting = message.all ? [...list.keys()] : [message.participantId!].filter((id) => list.has(id));
    const tokens = await Promise.all(waiting.map(() => issueResumeToken()));
    const issued = new Map(waiting.map((id, index) => [id, { resumeToken: tokens[index]!.token, resumeTokenHash: tokens[index]!.hash }]));
    this.apply({ type: "admit", now: Date.now(), connectionId, message, issued });
  }

  private apply(event: MeetingEvent): void {
    const before = this.meeting;
    const transition = reduceMeeting(before, event);
    this.record(before, transition.state, event);
    this.commit(transition);
  }

  /** Meeting / Participation facts of one transition, queued for the app (lib/meeting/meeting-records.ts). */
  private record(before: MeetingState, after: MeetingState, event: RecordableEvent): void {
    const previousId = this.meetingId;
    const { events, meetingId } = meetingRecordsFor({ before, after, event, meetingId: previousId, newMeetingId: () => crypto.randomUUID() });
    this.meetingId = meetingId;
    if (meetingId !== previousId) {
      const write = meetingId === null ? this.room.storage.delete(MEETING_ID_KEY) : this.room.storage.put(MEETING_ID_KEY, meetingId);
      write.catch((error: unknown) => this.log("meeting id write", error));
    }
    if (events.length === 0) return;
    if (events.some((recorded) => recorded.type === "meeting-ended")) this.forwarder?.flushSoon();
    const outbox = this.recordsOutbox();
    if (!outbox) return;
    outbox.enqueue(...events);
    // Analytics of a meeting are skipped until its Meeting row exists, and post-call analysis runs at its end.
    if (events.some((recorded) => recorded.type === "meeting-ended" || recorded.type === "meeting-started")) outbox.flushSoon();
  }

  /** `room.id` is safe to read while a connection is being handled; kept in storage for rooms an alarm restarts. */
  private learnRoomId(): void {
    if (this.roomId !== null) return;
    this.roomId = this.room.id;
    this.room.storage.put(ROOM_ID_KEY, this.roomId).catch((error: unknown) => this.log("room id write", error));
  }

  /** Created on first use; null when APP_INTERNAL_URL or PARTY_SECRET is not configured (records are then off). */
  private recordsOutbox(): AppOutbox<MeetingRecordEvent> | null {
    if (this.records) return this.records;
    const appUrl = this.room.env.APP_INTERNAL_URL;
    const secret = partySecret(this.room.env);
    if (typeof appUrl !== "string" || !appUrl || !secret) return null;
    const roomId = this.roomId;
    if (roomId === null) return null;
    this.records = new AppOutbox<MeetingRecordEvent>({
      appUrl,
      secret,
      path: MEETING_RECORDS_PATH,
      body: (batchId, events) => ({ batchId, roomId, events }),
      maxBatch: MAX_RECORD_EVENTS_PER_BATCH,
      maxBatchBytes: MAX_RECORD_BATCH_BYTES / 2,
      flushDelayMs: 2_000,
      maxQueued: 5_000,
      log: (message, error) => console.warn(message, error ?? ""),
    });
    return this.records;
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
      case "analytics":
        this.forwardAnalytics(effect);
        return;
    }
  }

  private forwardAnalytics({ participantId, message, now }: Extract<MeetingEffect, { type: "analytics" }>): void {
    const forwarder = this.analyticsForwarder();
    if (!forwarder || this.meetingId === null) return;
    const ids = { meetingId: this.meetingId, participantId };
    if (message.type === "feature") forwarder.addFeature(stampFeature(ids, message, now));
    else forwarder.addSamples(stampSamples(ids, message.samples, now));
  }

  /** Created on first use; null when APP_INTERNAL_URL or PARTY_SECRET is not configured (analytics are then off). */
  private analyticsForwarder(): AnalyticsForwarder | null {
    if (this.forwarder) return this.forwarder;
    const appUrl = this.room.env.APP_INTERNAL_URL;
    const secret = partySecret(this.room.env);
    if (typeof appUrl !== "string" || !appUrl || !secret) return null;
    this.forwarder = new AnalyticsForwarder(appUrl, secret, (message, error) => console.warn(message, error ?? ""));
    return this.forwarder;
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
