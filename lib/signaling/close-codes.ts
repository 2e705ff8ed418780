/**
 * WebSocket close codes the room uses when it ends a connection itself. Each one is a decision, not a network
 * failure: a client must not reconnect after any of them.
 */
export const CLOSE_CODES = {
  /** Normal closure after the client's `leave`. */
  left: 1000,
  /** The socket reached the room without a verified identity (should not happen behind onBeforeConnect). */
  unauthenticated: 1008,
  /** Another connection resumed this participant (e.g. this socket was half-open). */
  replaced: 4000,
  /** A host removed this participant. */
  removed: 4001,
  /** A host ended the meeting. */
  ended: 4002,
  /** The room is locked and this joiner is neither a host nor resuming. */
  roomLocked: 4003,
  /** No accepted `hello` within HELLO_TIMEOUT_MS of connecting. */
  helloTimeout: 4004,
  /** A host turned this person away from the waiting room. */
  denied: 4005,
  /** The meeting has as many participants as its policy allows. */
  roomFull: 4006,
  /** The server closed the room (expired, archived or deleted); the close reason names which. */
  roomClosed: 4007,
  /** This user already has as many seats (or sockets) in the room as one person may: other tabs or devices. */
  tooManySeats: 4008,
  /** The join token already opened a socket: each token opens one (every client attempt fetches a fresh one). */
  tokenReused: 4009,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];
