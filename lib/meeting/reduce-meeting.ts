import { refuse, send, unchanged } from "./effects";
import { hello } from "./handle-hello";
import { adoptPolicy } from "./handle-policy";
import { disconnected, expireDeadlines, leave } from "./handle-departure";
import { admit, hostAction } from "./handle-host-action";
import { record, recordingRules } from "./handle-recording";
import { postChat, react, relaySignal, reportQuality, setHand, setMedia } from "./handle-participant-message";
import type { MeetingEffect, MeetingEvent, MeetingTransition } from "./meeting-events";
import { HELLO_TIMEOUT_MS } from "./meeting-policy";
import { nextDeadline, type ConnectionId, type MeetingState, type Seat } from "./meeting-state";
import { withConnection } from "./meeting-updates";
import { storageChanges } from "./persistence";
import { settle } from "./settle";

type MessageEvent = Extract<MeetingEvent, { type: "message" }>;

/**
 * Chat and reactions count as feature use where the room accepted them (it broadcast them), so analytics
 * never count a refused or rate-limited one; media, hand and layout are reported by the client.
 */
function countedUse(transition: MeetingTransition, sender: Seat, feature: "chat" | "reaction", now: number): MeetingTransition {
  if (!transition.effects.some((effect) => effect.type === "broadcast")) return transition;
  const usage: MeetingEffect = { type: "analytics", participantId: sender.participant.id, message: { type: "feature", feature, detail: null }, now };
  return { ...transition, effects: [...transition.effects, usage] };
}

/** Runs `act` for the participant a joined socket speaks for; answers anyone else. */
function asSender(state: MeetingState, connectionId: ConnectionId, act: (sender: Seat) => MeetingTransition): MeetingTransition {
  const connection = state.connections.get(connectionId);
  // A message can race its socket's close or replacement; there is no one left to answer.
  if (!connection) return unchanged(state);
  if (connection.phase === "waiting") return refuse(state, connectionId, "not_joined", "you are in the waiting room until a host lets you in");
  if (connection.phase !== "joined") return refuse(state, connectionId, "not_joined", "send hello first");
  const seat = state.seats.get(connection.participantId);
  return seat ? act(seat) : unchanged(state);
}

function message(state: MeetingState, { connectionId, message, now }: MessageEvent): MeetingTransition {
  if (!state.connections.has(connectionId)) return unchanged(state);
  if (message.type === "ping") return { state, effects: [send(connectionId, { type: "pong" })] };
  if (message.type === "leave") return leave(state, connectionId);
  return asSender(state, connectionId, (sender) => {
    switch (message.type) {
      case "signal":
        return relaySignal(state, sender, message, connectionId);
      case "media":
        return setMedia(state, sender, connectionId, message);
      case "hand":
        return setHand(state, sender, connectionId, message, now);
      case "reaction":
        return countedUse(react(state, sender, connectionId, message), sender, "reaction", now);
      case "quality":
        return reportQuality(state, sender, message);
      case "quality-samples":
      case "feature":
        // Analytics never change the room: the party stamps them with the sender's id and forwards them.
        return { state, effects: [{ type: "analytics", participantId: sender.participant.id, message, now }] };
      case "mute":
      case "mute-all":
      case "ask-unmute":
      case "lower-hands":
      case "stop-share":
      case "remove":
      case "end":
      case "lock":
      case "spotlight":
      case "set-role":
      case "deny":
        return hostAction(state, sender, connectionId, message);
    }
  });
}

function decide(state: MeetingState, event: MeetingEvent): MeetingTransition {
  switch (event.type) {
    case "connected":
      // Connection ids are server-assigned UUIDs; a repeat is a bug and must not overwrite anyone's socket.
      if (state.connections.has(event.connectionId)) return unchanged(state);
      return {
        state: withConnection(state, event.connectionId, {
          phase: "awaiting-hello",
          identity: event.identity,
          helloDeadline: event.now + HELLO_TIMEOUT_MS,
        }),
        effects: [],
      };
    case "disconnected":
      return disconnected(state, event.connectionId, event.now);
    case "hello":
      return hello(state, event);
    case "chat":
      return asSender(state, event.connectionId, (sender) =>
        countedUse(postChat(state, sender, event.connectionId, event), sender, "chat", event.now),
      );
    case "admit":
      return asSender(state, event.connectionId, (sender) => admit(state, sender, event.connectionId, event.message, event.issued, event.now));
    case "record":
      return asSender(state, event.connectionId, (sender) => record(state, sender, event.connectionId, event.message, event.recordingId, event.now));
    case "message":
      return message(state, event);
    case "tick":
      return expireDeadlines(state, event.now);
    case "policy":
      return adoptPolicy(state, event.policy);
  }
}

/**
 * The meeting's rules: total over every event, deterministic (time and randomness come in with the event), and
 * the only place decisions are made. Besides messages and closes, the effects say what to store (before anything
 * is announced) and when to wake the room next.
 */
export function reduceMeeting(state: MeetingState, event: MeetingEvent): MeetingTransition {
  const decided = recordingRules(decide(state, event), event);
  if (decided.state === state && event.type !== "tick") return decided;
  const next = settle(decided.state);
  const effects: MeetingEffect[] = [];
  const changes = storageChanges(state, next);
  if (changes) effects.push({ type: "persist", ...changes });
  const wakeAt = nextDeadline(next);
  // A tick consumed the previous wake-up, so it always schedules the next one.
  if (event.type === "tick" || wakeAt !== nextDeadline(state)) effects.push({ type: "schedule", at: wakeAt });
  effects.push(...decided.effects);
  return { state: next, effects };
}
