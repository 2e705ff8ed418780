/** Bumped on any change an older peer could misread; `hello`/`welcome` carry it so both sides can refuse early. */
export const PROTOCOL_VERSION = 1;

/** Signaling messages are small JSON (SDP offers are a few KiB); anything larger is abuse or a bug. */
export const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;
