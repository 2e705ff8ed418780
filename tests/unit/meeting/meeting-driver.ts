import { createHash } from "node:crypto";
import { expect } from "vitest";
import {
  emptyMeeting,
  reduceMeeting,
  type ConnectionIdentity,
  type MeetingEffect,
  type MeetingEvent,
  type MeetingState,
  type MeetingTransition,
} from "@/lib/meeting";
import type { RoomPolicy } from "@/lib/domain/room-policy";
import type { AdmitMessage, ClientMessage, MeetingRole, ServerMessage, WaitingMessage, WelcomeMessage } from "@/lib/signaling";

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export type Delivery = { to: string; message: ServerMessage };

/** Every message a transition delivers, in order, one entry per recipient. */
export function deliveries(effects: readonly MeetingEffect[]): Delivery[] {
  return effects.flatMap((effect) => {
    if (effect.type === "send") return [{ to: effect.to, message: effect.message }];
    if (effect.type === "broadcast") return effect.to.map((to) => ({ to, message: effect.message }));
    return [];
  });
}

export const messagesTo = (effects: readonly MeetingEffect[], to: string) =>
  deliveries(effects)
    .filter((delivery) => delivery.to === to)
    .map((delivery) => delivery.message);

export const closes = (effects: readonly MeetingEffect[]) =>
  effects.flatMap((effect) => (effect.type === "close" ? [{ connectionId: effect.connectionId, code: effect.code }] : []));

/**
 * Plays the adapter's part for unit tests: a clock, deterministic ids and resume tokens, and a storage map that the
 * persist effects are applied to.
 */
export class MeetingDriver {
  state: MeetingState = emptyMeeting;
  now = 1_800_000_000_000;
  readonly storage = new Map<string, unknown>();
  wakeAt: number | null = null;
  private counter = 0;

  apply(event: MeetingEvent): MeetingTransition {
    const transition = reduceMeeting(this.state, event);
    this.state = transition.state;
    for (const effect of transition.effects) {
      if (effect.type === "persist") {
        for (const [key, value] of effect.put) this.storage.set(key, structuredClone(value));
        for (const key of effect.delete) this.storage.delete(key);
      }
      if (effect.type === "schedule") this.wakeAt = effect.at;
    }
    return transition;
  }

  advance(ms: number): MeetingTransition {
    this.now += ms;
    return this.apply({ type: "tick", now: this.now });
  }

  /** `policy`: what the join token carried, stamped with the driver's clock (a later token is newer). */
  connect(name: string, role: MeetingRole = "participant", userId = `user-${name}`, policy?: RoomPolicy): string {
    const connectionId = `c${++this.counter}-${name}`;
    const identity: ConnectionIdentity = { userId, name, role, ...(policy ? { policy: { value: policy, stamp: this.now } } : {}) };
    this.apply({ type: "connected", now: this.now, connectionId, identity });
    return connectionId;
  }

  hello(connectionId: string, options: { resume?: string; v?: number } = {}): MeetingTransition {
    const n = ++this.counter;
    const resumeToken = `token-${n}`;
    return this.apply({
      type: "hello",
      now: this.now,
      connectionId,
      v: options.v ?? 2,
      resumeTokenHash: options.resume === undefined ? null : sha256(options.resume),
      issued: { participantId: `p${n}`, resumeToken, resumeTokenHash: sha256(resumeToken), recordingId: `00000000-0000-4000-9000-${String(n).padStart(12, "0")}` },
    });
  }

  /** Connects and says hello; returns the socket and its welcome. */
  join(name: string, role: MeetingRole = "participant", options: { userId?: string; resume?: string; policy?: RoomPolicy } = {}) {
    const socket = this.connect(name, role, options.userId, options.policy);
    const transition = this.hello(socket, { resume: options.resume });
    const welcome = messagesTo(transition.effects, socket).find((message): message is WelcomeMessage => message.type === "welcome");
    expect(welcome, `welcome for ${name}`).toBeDefined();
    return { socket, welcome: welcome!, id: welcome!.self.id, transition };
  }

  /** Connects and says hello into a waiting room; returns the socket and its `waiting` message. */
  knock(name: string, role: MeetingRole = "participant", options: { userId?: string; resume?: string; policy?: RoomPolicy } = {}) {
    const socket = this.connect(name, role, options.userId, options.policy);
    const transition = this.hello(socket, { resume: options.resume });
    const waiting = messagesTo(transition.effects, socket).find((message): message is WaitingMessage => message.type === "waiting");
    expect(waiting, `waiting for ${name}`).toBeDefined();
    return { socket, waiting: waiting!, id: waiting!.self.id, transition };
  }

  /** A host's admit, with a fresh resume token drawn for everyone waiting (as the adapter does). */
  admit(connectionId: string, message: Omit<AdmitMessage, "type">): MeetingTransition {
    const issued = new Map(
      [...this.state.waiting.keys()].map((id) => {
        const resumeToken = `token-${++this.counter}`;
        return [id, { resumeToken, resumeTokenHash: sha256(resumeToken) }] as const;
      }),
    );
    return this.apply({ type: "admit", now: this.now, connectionId, message: { type: "admit", ...message }, issued });
  }

  record(connectionId: string, on: boolean, recordingId = `00000000-0000-4000-8000-${String(++this.counter).padStart(12, "0")}`): MeetingTransition {
    return this.apply({ type: "record", now: this.now, connectionId, message: { type: "record", on }, recordingId });
  }

  send(connectionId: string, message: Exclude<ClientMessage, { type: "hello" | "chat" | "admit" | "record" }>): MeetingTransition {
    return this.apply({ type: "message", now: this.now, connectionId, message });
  }

  chat(connectionId: string, text: string): MeetingTransition {
    return this.apply({ type: "chat", now: this.now, connectionId, message: { type: "chat", text }, messageId: `m${++this.counter}`, attachments: [] });
  }

  disconnect(connectionId: string): MeetingTransition {
    return this.apply({ type: "disconnected", now: this.now, connectionId });
  }

  participant(id: string) {
    return this.state.seats.get(id)?.participant;
  }
}
