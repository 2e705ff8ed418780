/** How long a participant whose socket dropped keeps its seat (and its peers' media) before it counts as gone. */
export const RECONNECT_GRACE_MS = 30_000;

/**
 * A verified socket that has not said `hello` by then is closed: it holds a slot and sends nothing useful. Long
 * enough for the lobby, which opens its socket ahead of Join and replaces it every 20 s, so Join only sends `hello`
 * (lib/meeting-client/meeting-connection.ts); shorter than a join token's 60 s life.
 */
export const HELLO_TIMEOUT_MS = 30_000;

/** Chat history kept (and sent in every `welcome`), by count… */
export const CHAT_HISTORY_LIMIT = 200;
/**
 * …and by serialized size: 200 messages of 4,000 three-byte characters would make a 2.4 MB welcome, beyond what
 * WebSocket stacks on the way (Cloudflare's 1 MiB frame limit) accept. The oldest messages go first.
 */
export const CHAT_HISTORY_MAX_BYTES = 512 * 1024;

/**
 * Signals addressed to a reconnecting participant are held and delivered in order when it resumes, so an ICE restart
 * started by a peer during the outage is not lost. Bounded per participant; the oldest go first, since later
 * negotiation supersedes earlier.
 */
export const HELD_SIGNALS_LIMIT = 64;
export const HELD_SIGNALS_MAX_BYTES = 256 * 1024;
