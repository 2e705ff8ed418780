import type { AdmitMessage, ChatSendMessage, ClientMessage, HelloMessage, RecordMessage } from "../signaling/client-messages";
import type { FeatureMessage, QualitySamplesMessage } from "../signaling/analytics-messages";
import type { ServerMessage } from "../signaling/server-messages";
import type { ChatAttachment } from "../signaling/chat";
import type { ConnectionId, ConnectionIdentity, MeetingState, ParticipantId, StampedPolicy } from "./meeting-state";

/** What the adapter draws at random for a `hello`, so the state machine itself stays deterministic. */
export type IssuedCredentials = {
  /** Used only if the hello does not resume an existing seat. */
  readonly participantId: ParticipantId;
  readonly resumeToken: string;
  readonly resumeTokenHash: string;
  /** The id of the recording this hello starts, if it seats a host in a room that records automatically. */
  readonly recordingId?: string;
};

/** A resume token drawn by the adapter for someone the event may seat (a waiting person being admitted). */
export type FreshResumeToken = { readonly resumeToken: string; readonly resumeTokenHash: string };

/** Every event carries the adapter's clock (epoch ms); the state machine never reads one. */
export type MeetingEvent =
  /** A socket whose join token was verified. */
  | { type: "connected"; now: number; connectionId: ConnectionId; identity: ConnectionIdentity }
  /** The socket closed or failed. */
  | { type: "disconnected"; now: number; connectionId: ConnectionId }
  | {
      type: "hello";
      now: number;
      connectionId: ConnectionId;
      v: HelloMessage["v"];
      /** SHA-256 (hex) of `hello.resume`, or null when the client did not try to resume. */
      resumeTokenHash: string | null;
      issued: IssuedCredentials;
    }
  | {
      type: "chat";
      now: number;
      connectionId: ConnectionId;
      message: ChatSendMessage;
      messageId: string;
      /** The message's attachment tickets as the room verified them, in order: null for one that failed. */
      attachments: readonly (VouchedAttachment | null)[];
    }
  /**
   * A host's `admit`: the adapter draws a fresh resume token for everyone waiting when it arrives, since each
   * admitted person's welcome carries one.
   */
  | { type: "admit"; now: number; connectionId: ConnectionId; message: AdmitMessage; issued: ReadonlyMap<ParticipantId, FreshResumeToken> }
  /** A host's `record`, with the id the recording gets if this starts one. */
  | { type: "record"; now: number; connectionId: ConnectionId; message: RecordMessage; recordingId: string }
  /** Any other validated client message. */
  | { type: "message"; now: number; connectionId: ConnectionId; message: Exclude<ClientMessage, HelloMessage | ChatSendMessage | AdmitMessage | RecordMessage> }
  /** The deadline the adapter was asked to wake up at (or later) has come. */
  | { type: "tick"; now: number }
  /** The app pushed the room's new policy (a host saved its settings). */
  | { type: "policy"; now: number; policy: StampedPolicy };

/** Storage keys to write and delete, in that order; values are plain JSON. */
export type StorageChanges = { readonly put: ReadonlyMap<string, unknown>; readonly delete: readonly string[] };

export type MeetingEffect =
  | { type: "send"; to: ConnectionId; message: ServerMessage }
  /** One message for several connections, serialized once by the adapter; never an empty list. */
  | { type: "broadcast"; to: readonly ConnectionId[]; message: ServerMessage }
  | { type: "close"; connectionId: ConnectionId; code: number; reason: string }
  /** Comes before any message the change caused, so nothing is announced that a restart could forget. */
  | ({ type: "persist" } & StorageChanges)
  /** Wake the room (tick) at this time; null: nothing is pending. Replaces any earlier schedule. */
  | { type: "schedule"; at: number | null }
  /** Quality samples or a feature event from a seated participant, for the party to stamp and forward (issue 5). */
  | { type: "analytics"; participantId: ParticipantId; message: QualitySamplesMessage | FeatureMessage; now: number };

export type MeetingTransition = { state: MeetingState; effects: MeetingEffect[] };

/** A file the app stored for this meeting, as its signed ticket describes it (lib/chat/attachment-ticket.ts). */
export type VouchedAttachment = { readonly attachment: ChatAttachment; readonly ownerId: string };
