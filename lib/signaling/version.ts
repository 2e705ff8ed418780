/**
 * Bumped on any change an older peer could misread; `hello`/`welcome` carry it so both sides can refuse early.
 * v2: participant ids are stable across reconnections (no longer connection ids), and the room is the live meeting
 * state (relay, chat, media, hands, reactions, quality, host actions, resume).
 */
export const PROTOCOL_VERSION = 2;

/** Signaling messages are small JSON (SDP offers are about 10 KiB); anything larger is abuse or a bug. */
export const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;
