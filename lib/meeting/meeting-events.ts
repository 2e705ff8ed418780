import type { ClientMessage } from "../signaling/client-messages";
import type { Participant } from "../signaling/participant";
import type { ServerMessage } from "../signaling/server-messages";
import type { ConnectionId, MeetingState } from "./meeting-state";

export type MeetingEvent =
  /** A connection whose join token was verified; `participant.id` is its connection id. */
  | { type: "connected"; participant: Participant }
  | { type: "disconnected"; connectionId: ConnectionId }
  /** An already validated client message. */
  | { type: "message"; connectionId: ConnectionId; message: ClientMessage };

export type MeetingEffect =
  | { type: "send"; to: ConnectionId; message: ServerMessage }
  /** One message for several connections, serialized once by the adapter; never an empty list. */
  | { type: "broadcast"; to: readonly ConnectionId[]; message: ServerMessage };

export type MeetingTransition = { state: MeetingState; effects: MeetingEffect[] };
