import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  HELLO_TIMEOUT_MS,
  nextDeadline,
  RECONNECT_GRACE_MS,
  restoreMeeting,
  rosterOf,
  type ConnectionIdentity,
  type MeetingEvent,
  type MeetingTransition,
} from "@/lib/meeting";
import type { ClientMessage, MeetingRole, Participant, ServerMessage } from "@/lib/signaling";
import { deliveries, MeetingDriver, sha256 } from "./meeting-driver";

const users: ConnectionIdentity[] = [
  { userId: "u-host", name: "Hannah", role: "host" },
  { userId: "u-bob", name: "Bob", role: "participant" },
  { userId: "u-carol", name: "Carol", role: "presenter" },
  { userId: "u-olga", name: "Olga", role: "observer" },
];

/** Indexes into what exists when the command runs (sockets, tokens and ids issued so far). */
type Command =
  | { kind: "connect"; user: number }
  /** Connect and say hello at once, the usual case; `resume` picks a token (see the hello step). */
  | { kind: "join"; user: number; resume: number | null }
  | { kind: "hello"; socket: number; resume: number | null; v: number }
  | { kind: "disconnect"; socket: number }
  | { kind: "send"; socket: number; message: MessageTemplate }
  | { kind: "chat"; socket: number }
  | { kind: "tick" };

type MessageTemplate =
  | { type: "signal" | "mute" | "remove"; target: number }
  | { type: "spotlight"; target: number | null }
  | { type: "media"; audio: boolean; video: boolean }
  | { type: "hand" | "lock"; flag: boolean }
  | { type: "reaction" | "quality" | "leave" | "ping" | "end" };

const index = fc.nat(20);
const template: fc.Arbitrary<MessageTemplate> = fc.oneof(
  fc.record({ type: fc.constantFrom("signal" as const, "mute" as const, "remove" as const), target: index }),
  fc.record({ type: fc.constant("spotlight" as const), target: fc.option(index) }),
  fc.record({ type: fc.constant("media" as const), audio: fc.boolean(), video: fc.boolean() }),
  fc.record({ type: fc.constantFrom("hand" as const, "lock" as const), flag: fc.boolean() }),
  fc.record({ type: fc.constantFrom("reaction" as const, "quality" as const, "leave" as const, "ping" as const, "end" as const) }),
);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("connect" as const), user: fc.nat(users.length - 1) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("join" as const), user: fc.nat(users.length - 1), resume: fc.option(fc.nat(3)) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("hello" as const), socket: index, resume: fc.option(index, { freq: 2 }), v: fc.constantFrom(2, 2, 2, 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("disconnect" as const), socket: index }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("send" as const), socket: index, message: template }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("chat" as const), socket: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("tick" as const) }) },
);
const step = fc.record({
  command,
  advanceMs: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.nat(3_000) }, { weight: 1, arbitrary: fc.nat(40_000) }),
});

/** An independent, simpler account of who is in the meeting, to check the reducer against. */
type ModelSeat = { userId: string; role: MeetingRole; socket: string | null; deadline: number | null; tokenHash: string };
class Model {
  pending = new Map<string, { identity: ConnectionIdentity; deadline: number }>();
  joined = new Map<string, string>();
  seats = new Map<string, ModelSeat>();
  locked = false;
  spotlight: string | null = null;

  isOpen(socket: string): boolean {
    return this.pending.has(socket) || this.joined.has(socket);
  }

  drop(participantId: string): void {
    const seat = this.seats.get(participantId);
    if (!seat) return;
    if (seat.socket !== null) this.joined.delete(seat.socket);
    this.seats.delete(participantId);
    if (this.spotlight === participantId) this.spotlight = null;
    if (this.seats.size === 0) {
      this.locked = false;
      this.spotlight = null;
    }
  }

  /** Returns the participant id the hello resumed, if it did. */
  hello(socket: string, v: number, resumeHash: string | null, issued: { participantId: string; hash: string }): string | undefined {
    const pending = this.pending.get(socket);
    if (!pending || v !== 2) return undefined;
    this.pending.delete(socket);
    const { identity } = pending;
    const resumed = [...this.seats].find(([, seat]) => seat.tokenHash === resumeHash && seat.userId === identity.userId);
    if (resumed) {
      const [participantId, seat] = resumed;
      if (seat.socket !== null) this.joined.delete(seat.socket);
      Object.assign(seat, { socket, deadline: null, tokenHash: issued.hash, role: identity.role });
      this.joined.set(socket, participantId);
      return participantId;
    }
    if (this.locked && identity.role !== "host") return undefined;
    this.seats.set(issued.participantId, { userId: identity.userId, role: identity.role, socket, deadline: null, tokenHash: issued.hash });
    this.joined.set(socket, issued.participantId);
    return undefined;
  }

  disconnect(socket: string, now: number): void {
    this.pending.delete(socket);
    const participantId = this.joined.get(socket);
    if (participantId === undefined) return;
    this.joined.delete(socket);
    const seat = this.seats.get(participantId)!;
    seat.socket = null;
    seat.deadline = now + RECONNECT_GRACE_MS;
  }

  tick(now: number): void {
    for (const [socket, { deadline }] of this.pending) if (deadline <= now) this.pending.delete(socket);
    for (const [participantId, seat] of this.seats) if (seat.deadline !== null && seat.deadline <= now) this.drop(participantId);
  }

  /** Applies a message from an open socket: leave, and host actions from hosts (everything else leaves the roster alone). */
  message(socket: string, message: ClientMessage): void {
    if (message.type === "leave") {
      this.pending.delete(socket);
      const participantId = this.joined.get(socket);
      if (participantId !== undefined) this.drop(participantId);
      return;
    }
    const participantId = this.joined.get(socket);
    if (participantId === undefined || this.seats.get(participantId)!.role !== "host") return;
    if (message.type === "remove") this.drop(message.participantId);
    if (message.type === "lock") this.locked = message.locked;
    if (message.type === "spotlight" && (message.participantId === null || this.seats.has(message.participantId))) this.spotlight = message.participantId;
    if (message.type === "end") {
      this.pending.clear();
      this.joined.clear();
      this.seats.clear();
      this.locked = false;
      this.spotlight = null;
    }
  }

  earliestDeadline(): number | null {
    const deadlines = [...[...this.pending.values()].map((entry) => entry.deadline), ...[...this.seats.values()].flatMap((seat) => (seat.deadline === null ? [] : [seat.deadline]))];
    return deadlines.length > 0 ? Math.min(...deadlines) : null;
  }
}

function toMessage(template: MessageTemplate, pick: (n: number) => string): Exclude<ClientMessage, { type: "hello" | "chat" }> {
  switch (template.type) {
    case "signal":
      return { type: "signal", to: pick(template.target), payload: { kind: "end-of-candidates" } };
    case "mute":
    case "remove":
      return { type: template.type, participantId: pick(template.target) };
    case "spotlight":
      return { type: "spotlight", participantId: template.target === null ? null : pick(template.target) };
    case "media":
      return { type: "media", audio: template.audio, video: template.video, screen: false };
    case "hand":
      return { type: "hand", raised: template.flag };
    case "lock":
      return { type: "lock", locked: template.flag };
    case "reaction":
      return { type: "reaction", emoji: "👍" };
    case "quality":
      return { type: "quality", level: "good", summary: { lossPct: 1, rttMs: 20, jitterMs: 2, bitrateInKbps: 500, bitrateOutKbps: 400 } };
    case "leave":
    case "ping":
    case "end":
      return { type: template.type };
  }
}

/** A client's picture of the roster, built only from what it received. */
function applyToView(view: Map<string, Participant> | undefined, message: ServerMessage): Map<string, Participant> | undefined {
  switch (message.type) {
    case "welcome":
      return new Map(message.participants.map((participant) => [participant.id, participant]));
    case "participant-joined":
      expect(view?.has(message.participant.id), "joined twice").toBe(false);
      return new Map(view).set(message.participant.id, message.participant);
    case "participant-updated":
      expect(view?.has(message.participant.id), "update for a stranger").toBe(true);
      return new Map(view).set(message.participant.id, message.participant);
    case "participant-left": {
      expect(view?.has(message.participantId), "left without having joined").toBe(true);
      const next = new Map(view);
      next.delete(message.participantId);
      return next;
    }
    default:
      return view;
  }
}

describe("meeting state machine properties", () => {
  it("agrees with a reference model, delivers only to open sockets, and keeps clients, schedule and storage consistent", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 80, size: "max" }), (steps) => {
        const meeting = new MeetingDriver();
        const model = new Model();
        const sockets: string[] = [];
        const tokens: string[] = [];
        const tokensByUser = new Map<string, string[]>();
        const participantIds: string[] = ["ghost"];
        const views = new Map<string, Map<string, Participant> | undefined>();
        let counter = 0;
        const pickSocket = (n: number) => sockets[n % sockets.length] ?? "none";
        const pickParticipant = (n: number) => participantIds[n % participantIds.length]!;

        // A join is a connect followed by a hello on the same socket, checked as two steps.
        const expanded = steps.flatMap(({ command, advanceMs }): { command: Command; advanceMs: number }[] =>
          command.kind === "join"
            ? [
                { command: { kind: "connect", user: command.user }, advanceMs },
                { command: { kind: "hello", socket: -1 - command.user, resume: command.resume, v: 2 }, advanceMs: 0 },
              ]
            : [{ command, advanceMs }],
        );
        for (const { command, advanceMs } of expanded) {
          meeting.now += advanceMs;
          const now = meeting.now;
          const before = meeting.state;
          const openBefore = new Set([...model.pending.keys(), ...model.joined.keys()]);
          let event: MeetingEvent;
          let expectResumeOf: string | undefined;
          let hostActionRefused = false;
          let signal: { to: string; from: string | undefined; socket: string } | undefined;

          switch (command.kind) {
            case "connect": {
              const socket = `s${++counter}`;
              sockets.push(socket);
              event = { type: "connected", now, connectionId: socket, identity: users[command.user]! };
              model.pending.set(socket, { identity: users[command.user]!, deadline: now + HELLO_TIMEOUT_MS });
              break;
            }
            case "join":
              throw new Error("joins are expanded above");
            case "hello": {
              // A negative socket index means "the socket just connected" (from a join).
              const socket = command.socket < 0 ? sockets.at(-1)! : pickSocket(command.socket);
              const userId = model.pending.get(socket)?.identity.userId ?? "";
              const own = tokensByUser.get(userId) ?? [];
              // 1–3: this user's tokens, newest first (an honest client presents its newest); 0: the newest anyone got.
              const resume =
                command.resume === null ? undefined : command.resume === 0 ? tokens.at(-1) : own.at(-command.resume);
              const n = ++counter;
              const issued = { participantId: `p${n}`, resumeToken: `t${n}`, resumeTokenHash: sha256(`t${n}`) };
              event = { type: "hello", now, connectionId: socket, v: command.v, resumeTokenHash: resume === undefined ? null : sha256(resume), issued };
              const wasPending = model.pending.has(socket);
              expectResumeOf = model.hello(socket, command.v, event.resumeTokenHash, { participantId: issued.participantId, hash: issued.resumeTokenHash });
              if (wasPending && command.v === 2) {
                tokens.push(issued.resumeToken);
                tokensByUser.set(userId, [...own, issued.resumeToken]);
                participantIds.push(issued.participantId);
              }
              break;
            }
            case "disconnect": {
              const socket = pickSocket(command.socket);
              event = { type: "disconnected", now, connectionId: socket };
              model.disconnect(socket, now);
              break;
            }
            case "chat": {
              const socket = pickSocket(command.socket);
              event = { type: "chat", now, connectionId: socket, messageId: `m${++counter}`, message: { type: "chat", text: "hi" } };
              break;
            }
            case "tick":
              event = { type: "tick", now };
              model.tick(now);
              break;
            case "send": {
              const socket = pickSocket(command.socket);
              const message = toMessage(command.message, pickParticipant);
              event = { type: "message", now, connectionId: socket, message };
              const senderId = model.joined.get(socket);
              const sender = senderId === undefined ? undefined : model.seats.get(senderId);
              hostActionRefused = ["mute", "remove", "end", "lock", "spotlight"].includes(message.type) && sender !== undefined && sender.role !== "host";
              if (message.type === "signal" && sender) signal = { to: message.to, from: senderId, socket };
              if (model.isOpen(socket)) model.message(socket, message);
              break;
            }
          }

          const targetSocketBefore = signal ? model.seats.get(signal.to)?.socket : undefined;
          const transition: MeetingTransition = meeting.apply(event);
          const { state, effects } = transition;

          // The roster, sockets and room match the reference model.
          expect(rosterOf(state).map((participant) => [participant.id, participant.userId, participant.role, participant.connection])).toEqual(
            [...model.seats].map(([id, seat]) => [id, seat.userId, seat.role, seat.socket === null ? "reconnecting" : "connected"]),
          );
          expect(new Set(state.connections.keys())).toEqual(new Set([...model.pending.keys(), ...model.joined.keys()]));
          expect(state.room).toEqual({ locked: model.locked, spotlight: model.spotlight });
          for (const [id, seat] of state.seats) {
            expect(seat.connectionId).toBe(model.seats.get(id)!.socket);
            expect(seat.graceDeadline).toBe(model.seats.get(id)!.deadline);
            expect(seat.resumeTokenHash).toBe(model.seats.get(id)!.tokenHash);
          }

          // Messages and closes only reach sockets that were open, and nothing reaches a socket after its close.
          const closedNow = new Set<string>();
          const hello = event.type === "hello" ? event.connectionId : undefined;
          for (const effect of effects) {
            const targets = effect.type === "send" ? [effect.to] : effect.type === "broadcast" ? effect.to : effect.type === "close" ? [effect.connectionId] : [];
            for (const target of targets) {
              // Plain checks: this loop runs for every delivery of every step.
              if (!openBefore.has(target) && target !== hello) throw new Error(`${effect.type} for ${target}, which is not open`);
              if (closedNow.has(target)) throw new Error(`${effect.type} for ${target} after its close`);
            }
            if (effect.type === "close") closedNow.add(effect.connectionId);
            if (effect.type === "broadcast" && effect.to.length === 0) throw new Error("broadcast to nobody");
          }

          // A signal reaches the addressee's current socket and no one else; signals appear nowhere else but in a resume.
          const relayed = deliveries(effects).filter((delivery) => delivery.message.type === "signal");
          if (signal && signal.to !== signal.from && targetSocketBefore) {
            expect(relayed).toEqual([{ to: targetSocketBefore, message: { type: "signal", from: signal.from, payload: { kind: "end-of-candidates" } } }]);
          } else if (expectResumeOf === undefined) {
            expect(relayed).toEqual([]);
          } else {
            for (const delivery of relayed) expect(delivery.to).toBe(hello);
          }

          // A host action from anyone else changes nothing and only answers the sender.
          if (hostActionRefused) {
            expect(state).toBe(before);
            expect(deliveries(effects)).toMatchObject([{ to: (event as { connectionId: string }).connectionId, message: { type: "error", code: "forbidden" } }]);
          }

          // Resuming keeps the participant id.
          const welcome = deliveries(effects).find((delivery) => delivery.message.type === "welcome")?.message;
          if (welcome?.type === "welcome") expect(welcome.resumed ? welcome.self.id : undefined).toBe(expectResumeOf);

          // After an end, nothing is left, in memory or in storage.
          if (effects.some((effect) => effect.type === "close" && effect.code === 4002)) {
            expect(state.seats.size + state.connections.size + state.chat.length).toBe(0);
            expect(meeting.storage.size).toBe(0);
          }

          // The room will wake up in time for the earliest deadline.
          expect(meeting.wakeAt).toBe(nextDeadline(state));
          expect(nextDeadline(state)).toBe(model.earliestDeadline());

          // Every connected client's picture of the roster is the roster.
          for (const socket of closedNow) views.delete(socket);
          for (const { to, message } of deliveries(effects)) views.set(to, applyToView(views.get(to), message));
          for (const seat of state.seats.values()) {
            if (seat.connectionId === null) continue;
            const view = views.get(seat.connectionId);
            expect(view && [...view.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(rosterOf(state).sort((a, b) => a.id.localeCompare(b.id)));
          }

          // What is stored is enough to rebuild the meeting.
          const restored = restoreMeeting(meeting.storage, 0).state;
          // Connection status and quality are not stored: nothing survives a restart connected, or with fresh stats.
          const strip = (participant: Participant) => ({ ...participant, connection: undefined, quality: undefined });
          expect([...restored.seats.values()].map((seat) => [strip(seat.participant), seat.resumeTokenHash])).toEqual(
            [...state.seats.values()].map((seat) => [strip(seat.participant), seat.resumeTokenHash]),
          );
          expect(restored.chat.map((entry) => entry.message)).toEqual(state.chat.map((entry) => entry.message));
          if (state.seats.size > 0) expect(restored.room).toEqual(state.room);
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});
