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
import { MESH_AT_PARTICIPANTS, type MediaPath, SFU_FROM_PARTICIPANTS } from "@/lib/domain/media-path";
import { defaultRoomPolicy, type RoomPolicy } from "@/lib/domain/room-policy";
import { forbiddenMedia } from "@/lib/domain/meeting-permissions";
import type { ClientMessage, MeetingRole, Participant, ServerMessage } from "@/lib/signaling";
import { MAX_SEATS_PER_USER } from "@/lib/meeting/handle-hello";
import { deliveries, MeetingDriver, sha256 } from "./meeting-driver";

const people: Omit<ConnectionIdentity, "policy">[] = [
  { userId: "u-host", name: "Hannah", role: "host" },
  { userId: "u-bob", name: "Bob", role: "participant" },
  { userId: "u-carol", name: "Carol", role: "presenter" },
  { userId: "u-olga", name: "Olga", role: "observer" },
];
const users = people;
const ROLES: MeetingRole[] = ["host", "presenter", "participant", "observer"];

/** The room policy every join token of a run carries: waiting room, small capacities, restricted sharing and chat. */
const policyArbitrary: fc.Arbitrary<RoomPolicy> = fc.record({
  waitingRoom: fc.boolean(),
  screenShare: fc.constantFrom("everyone" as const, "presenters" as const),
  chatEnabled: fc.boolean(),
  maxParticipants: fc.integer({ min: 2, max: 5 }),
}).map((overrides) => ({ ...defaultRoomPolicy, ...overrides }));

/** Indexes into what exists when the command runs (sockets, tokens and ids issued so far). */
type Command =
  /** `policy`: which of the run's two room policies the join token carries. */
  | { kind: "connect"; user: number; policy: number }
  /** Connect and say hello at once, the usual case; `resume` picks a token (see the hello step). */
  | { kind: "join"; user: number; resume: number | null; policy: number }
  | { kind: "hello"; socket: number; resume: number | null; v: number }
  | { kind: "disconnect"; socket: number }
  | { kind: "send"; socket: number; message: MessageTemplate }
  | { kind: "chat"; socket: number }
  /** `target` null: admit everyone waiting. */
  | { kind: "admit"; socket: number; target: number | null }
  | { kind: "tick" };

type MessageTemplate =
  | { type: "signal" | "mute" | "remove" | "deny"; target: number }
  | { type: "set-role"; target: number; role: MeetingRole }
  | { type: "spotlight"; target: number | null }
  | { type: "media"; audio: boolean; video: boolean; screen: boolean }
  | { type: "hand" | "lock"; flag: boolean }
  | { type: "reaction" | "quality" | "leave" | "ping" | "end" };

const index = fc.nat(20);
const template: fc.Arbitrary<MessageTemplate> = fc.oneof(
  fc.record({ type: fc.constantFrom("signal" as const, "mute" as const, "remove" as const, "deny" as const), target: index }),
  fc.record({ type: fc.constant("set-role" as const), target: index, role: fc.constantFrom(...ROLES) }),
  fc.record({ type: fc.constant("spotlight" as const), target: fc.option(index) }),
  fc.record({ type: fc.constant("media" as const), audio: fc.boolean(), video: fc.boolean(), screen: fc.boolean() }),
  fc.record({ type: fc.constantFrom("hand" as const, "lock" as const), flag: fc.boolean() }),
  fc.record({ type: fc.constantFrom("reaction" as const, "quality" as const, "leave" as const, "ping" as const, "end" as const) }),
);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("connect" as const), user: fc.nat(users.length - 1), policy: fc.nat({ max: 9 }) }) },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant("join" as const), user: fc.nat(users.length - 1), resume: fc.option(fc.nat(3)), policy: fc.nat({ max: 9 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("hello" as const), socket: index, resume: fc.option(index, { freq: 2 }), v: fc.constantFrom(2, 2, 2, 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("disconnect" as const), socket: index }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("send" as const), socket: index, message: template }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("chat" as const), socket: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("admit" as const), socket: index, target: fc.option(index) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("tick" as const) }) },
);
const step = fc.record({
  command,
  advanceMs: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.nat(3_000) }, { weight: 1, arbitrary: fc.nat(40_000) }),
});

/** An independent, simpler account of who is in the meeting, to check the reducer against. */
type ModelSeat = { userId: string; role: MeetingRole; socket: string | null; deadline: number | null; tokenHash: string; admittedBy: string | null };
type ModelWaiting = { userId: string; role: MeetingRole; socket: string; tokenHash: string };
class Model {
  pending = new Map<string, { identity: ConnectionIdentity; deadline: number }>();
  joined = new Map<string, string>();
  seats = new Map<string, ModelSeat>();
  /** Waiting room, in order of arrival, and the sockets of those in it. */
  waiting = new Map<string, ModelWaiting>();
  waitingSockets = new Map<string, string>();
  locked = false;
  spotlight: string | null = null;
  policy: RoomPolicy = defaultRoomPolicy;
  /** Through the SFU from SFU_FROM_PARTICIPANTS seated, back to the mesh at MESH_AT_PARTICIPANTS or fewer. */
  mediaPath: MediaPath = "mesh";
  /** The stamp of the adopted policy: a token's policy is adopted unless an adopted one is newer. */
  stamp = 0;

  isOpen(socket: string): boolean {
    return this.pending.has(socket) || this.joined.has(socket) || this.waitingSockets.has(socket);
  }

  dropWaiting(participantId: string): void {
    const entry = this.waiting.get(participantId);
    if (!entry) return;
    this.waitingSockets.delete(entry.socket);
    this.waiting.delete(participantId);
  }

  /** Admits one waiting person if there is room; the host's id is recorded. */
  admit(participantId: string, hostId: string): boolean {
    const entry = this.waiting.get(participantId);
    if (!entry || this.seats.size >= this.policy.maxParticipants) return false;
    this.dropWaiting(participantId);
    this.seats.set(participantId, { userId: entry.userId, role: entry.role, socket: entry.socket, deadline: null, tokenHash: "", admittedBy: hostId });
    this.joined.set(entry.socket, participantId);
    return true;
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

  hostOf(socket: string): string | undefined {
    const participantId = this.joined.get(socket);
    return participantId !== undefined && this.seats.get(participantId)!.role === "host" ? participantId : undefined;
  }

  /** Returns the participant id the hello resumed, if it did. */
  hello(socket: string, v: number, resumeHash: string | null, issued: { participantId: string; hash: string }): string | undefined {
    const pending = this.pending.get(socket);
    if (!pending || v !== 2) return undefined;
    this.pending.delete(socket);
    const { identity } = pending;
    if (identity.policy && identity.policy.stamp >= this.stamp) {
      this.policy = identity.policy.value;
      this.stamp = identity.policy.stamp;
    }
    const resumed = [...this.seats].find(([, seat]) => seat.tokenHash === resumeHash && seat.userId === identity.userId);
    if (resumed) {
      const [participantId, seat] = resumed;
      if (seat.socket !== null) this.joined.delete(seat.socket);
      // The live role stays, whatever the new token says.
      Object.assign(seat, { socket, deadline: null, tokenHash: issued.hash });
      this.joined.set(socket, participantId);
      return participantId;
    }
    const waitingAgain = [...this.waiting].find(([, entry]) => entry.tokenHash === resumeHash && entry.userId === identity.userId);
    if (waitingAgain) {
      // The same place in the waiting room; a socket still attached to it is replaced.
      const [participantId, entry] = waitingAgain;
      this.waitingSockets.delete(entry.socket);
      Object.assign(entry, { socket, tokenHash: issued.hash });
      this.waitingSockets.set(socket, participantId);
      return undefined;
    }
    const places = [...this.seats.values(), ...this.waiting.values()];
    if (places.filter((place) => place.userId === identity.userId && place.socket !== null).length >= MAX_SEATS_PER_USER) return undefined;
    if (identity.role !== "host") {
      if (this.locked || this.seats.size >= this.policy.maxParticipants) return undefined;
      if (this.policy.waitingRoom) {
        this.waiting.set(issued.participantId, { userId: identity.userId, role: identity.role, socket, tokenHash: issued.hash });
        this.waitingSockets.set(socket, issued.participantId);
        return undefined;
      }
    }
    this.seats.set(issued.participantId, { userId: identity.userId, role: identity.role, socket, deadline: null, tokenHash: issued.hash, admittedBy: null });
    this.joined.set(socket, issued.participantId);
    return undefined;
  }

  disconnect(socket: string, now: number): void {
    this.pending.delete(socket);
    const waitingId = this.waitingSockets.get(socket);
    if (waitingId !== undefined) this.dropWaiting(waitingId);
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
      const waitingId = this.waitingSockets.get(socket);
      if (waitingId !== undefined) this.dropWaiting(waitingId);
      const participantId = this.joined.get(socket);
      if (participantId !== undefined) this.drop(participantId);
      return;
    }
    const participantId = this.joined.get(socket);
    if (participantId === undefined || this.seats.get(participantId)!.role !== "host") return;
    if (message.type === "remove") this.drop(message.participantId);
    if (message.type === "lock") this.locked = message.locked;
    if (message.type === "spotlight" && (message.participantId === null || this.seats.has(message.participantId))) this.spotlight = message.participantId;
    if (message.type === "deny") this.dropWaiting(message.participantId);
    if (message.type === "set-role") {
      const target = this.seats.get(message.participantId);
      const otherHosts = [...this.seats].filter(([id, seat]) => id !== message.participantId && seat.role === "host").length;
      if (target && !(target.role === "host" && message.role !== "host" && otherHosts === 0)) target.role = message.role;
    }
    if (message.type === "end") {
      this.pending.clear();
      this.joined.clear();
      this.seats.clear();
      this.waiting.clear();
      this.waitingSockets.clear();
      this.locked = false;
      this.spotlight = null;
      this.policy = defaultRoomPolicy;
      this.stamp = 0;
    }
  }

  earliestDeadline(): number | null {
    const deadlines = [...[...this.pending.values()].map((entry) => entry.deadline), ...[...this.seats.values()].flatMap((seat) => (seat.deadline === null ? [] : [seat.deadline]))];
    return deadlines.length > 0 ? Math.min(...deadlines) : null;
  }
}

function toMessage(template: MessageTemplate, pick: (n: number) => string): Exclude<ClientMessage, { type: "hello" | "chat" | "admit" | "record" }> {
  switch (template.type) {
    case "signal":
      return { type: "signal", to: pick(template.target), payload: { kind: "end-of-candidates" } };
    case "mute":
    case "remove":
    case "deny":
      return { type: template.type, participantId: pick(template.target) };
    case "set-role":
      return { type: "set-role", participantId: pick(template.target), role: template.role };
    case "spotlight":
      return { type: "spotlight", participantId: template.target === null ? null : pick(template.target) };
    case "media":
      return { type: "media", audio: template.audio, video: template.video, screen: template.screen };
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
      // Two policies per run, mostly the first: a stricter one arriving mid-meeting must turn off what it forbids.
      fc.property(fc.tuple(policyArbitrary, policyArbitrary), fc.array(step, { minLength: 10, maxLength: 80, size: "max" }), (policies, steps) => {
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
                { command: { kind: "connect", user: command.user, policy: command.policy }, advanceMs },
                { command: { kind: "hello", socket: -1 - command.user, resume: command.resume, v: 2 }, advanceMs: 0 },
              ]
            : [{ command, advanceMs }],
        );
        for (const { command, advanceMs } of expanded) {
          meeting.now += advanceMs;
          const now = meeting.now;
          const before = meeting.state;
          const openBefore = new Set([...model.pending.keys(), ...model.joined.keys(), ...model.waitingSockets.keys()]);
          const openWaiting = [...model.waitingSockets.keys()];
          let event: MeetingEvent;
          let expectResumeOf: string | undefined;
          let hostActionRefused = false;
          let signal: { to: string; from: string | undefined; socket: string } | undefined;

          switch (command.kind) {
            case "connect": {
              const socket = `s${++counter}`;
              sockets.push(socket);
              const identity: ConnectionIdentity = { ...users[command.user]!, policy: { value: policies[command.policy < 8 ? 0 : 1], stamp: now } };
              event = { type: "connected", now, connectionId: socket, identity };
              model.pending.set(socket, { identity, deadline: now + HELLO_TIMEOUT_MS });
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
              event = { type: "chat", now, connectionId: socket, messageId: `m${++counter}`, message: { type: "chat", text: "hi" }, attachments: [] };
              break;
            }
            case "admit": {
              const socket = pickSocket(command.socket);
              const message = command.target === null ? { type: "admit" as const, all: true as const } : { type: "admit" as const, participantId: pickParticipant(command.target) };
              const issued = new Map(
                [...meeting.state.waiting.keys()].map((id) => {
                  const n = ++counter;
                  return [id, { resumeToken: `t${n}`, resumeTokenHash: sha256(`t${n}`) }] as const;
                }),
              );
              event = { type: "admit", now, connectionId: socket, message, issued };
              const senderId = model.joined.get(socket);
              hostActionRefused = senderId !== undefined && model.seats.get(senderId)!.role !== "host";
              const hostId = model.hostOf(socket);
              if (hostId !== undefined) {
                const targets = message.all ? [...model.waiting.keys()] : [message.participantId];
                for (const target of targets) {
                  const entry = model.waiting.get(target);
                  if (!entry) continue;
                  const userId = entry.userId;
                  if (!model.admit(target, hostId)) break;
                  // The welcome carries the token drawn for this person.
                  const fresh = issued.get(target)!;
                  model.seats.get(target)!.tokenHash = fresh.resumeTokenHash;
                  tokens.push(fresh.resumeToken);
                  tokensByUser.set(userId, [...(tokensByUser.get(userId) ?? []), fresh.resumeToken]);
                }
              }
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
              hostActionRefused =
                ["mute", "remove", "end", "lock", "spotlight", "set-role", "deny"].includes(message.type) && sender !== undefined && sender.role !== "host";
              // Media the sender's role may not publish is refused as a whole.
              if (message.type === "media" && sender && forbiddenMedia(sender.role, message, model.policy)) hostActionRefused = true;
              if (message.type === "signal" && sender) signal = { to: message.to, from: senderId, socket };
              if (model.isOpen(socket)) model.message(socket, message);
              break;
            }
          }

          const targetSocketBefore = signal ? model.seats.get(signal.to)?.socket : undefined;
          const transition: MeetingTransition = meeting.apply(event);
          if (model.seats.size >= SFU_FROM_PARTICIPANTS) model.mediaPath = "sfu";
          else if (model.seats.size <= MESH_AT_PARTICIPANTS) model.mediaPath = "mesh";
          const { state, effects } = transition;

          // The roster, sockets and room match the reference model.
          expect(rosterOf(state).map((participant) => [participant.id, participant.userId, participant.role, participant.connection])).toEqual(
            [...model.seats].map(([id, seat]) => [id, seat.userId, seat.role, seat.socket === null ? "reconnecting" : "connected"]),
          );
          expect(new Set(state.connections.keys())).toEqual(new Set([...model.pending.keys(), ...model.joined.keys(), ...model.waitingSockets.keys()]));
          expect(state.room).toEqual({ locked: model.locked, spotlight: model.spotlight, policy: model.policy, recording: null, mediaPath: model.mediaPath });
          expect([...state.waiting].map(([id, entry]) => [id, entry.participant.userId, entry.participant.role, entry.connectionId])).toEqual(
            [...model.waiting].map(([id, entry]) => [id, entry.userId, entry.role, entry.socket]),
          );
          for (const [id, seat] of state.seats) expect(seat.admittedBy).toBe(model.seats.get(id)!.admittedBy);
          // Nobody publishes what their role may not.
          for (const seat of state.seats.values()) expect(forbiddenMedia(seat.participant.role, seat.participant.media, state.room.policy)).toBeNull();
          // Someone waiting hears nothing of the meeting: no roster, chat, signals or reactions.
          const waitingBefore = new Set(openWaiting);
          const admittedNow = new Set<string>();
          for (const { to, message } of deliveries(effects)) {
            if ((!waitingBefore.has(to) && !model.waitingSockets.has(to)) || admittedNow.has(to)) continue;
            if (!["waiting", "error", "pong", "welcome", "denied", "ended"].includes(message.type)) throw new Error(`${message.type} reached waiting socket ${to}`);
            if (message.type === "welcome") {
              if (!model.joined.has(to)) throw new Error(`welcome for ${to}, who is still waiting`);
              // Admitted: from its welcome on, it is in the meeting.
              admittedNow.add(to);
            }
          }
          // Knocks and the waiting list reach hosts only.
          for (const { to, message } of deliveries(effects)) {
            if (message.type !== "knock" && message.type !== "waiting-updated") continue;
            const seatId = model.joined.get(to);
            if (seatId === undefined || model.seats.get(seatId)!.role !== "host") throw new Error(`${message.type} reached ${to}, not a host`);
          }
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
          // A socket closed in this step may be told things first (e.g. a policy change, then "resumed elsewhere");
          // its picture no longer matters.
          for (const socket of closedNow) views.delete(socket);
          for (const { to, message } of deliveries(effects)) {
            if (!closedNow.has(to)) views.set(to, applyToView(views.get(to), message));
          }
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
          expect([...restored.waiting.values()].map((entry) => [entry.participant, entry.resumeTokenHash])).toEqual(
            [...state.waiting.values()].map((entry) => [entry.participant, entry.resumeTokenHash]),
          );
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});
