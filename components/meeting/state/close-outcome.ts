import { CLOSE_CODES, type CloseCode } from "@/lib/signaling";

/**
 * `left` (1000) is missing on purpose: the room uses it only after this client's own `leave`, which has already
 * closed the socket, and partysocket reports its own failed attempts (refused, timed out) as 1000 as well.
 */
const decisions: Readonly<Partial<Record<CloseCode, string>>> = {
  [CLOSE_CODES.unauthenticated]: "The meeting could not verify who you are. Reload the page to sign in again.",
  [CLOSE_CODES.replaced]: "You joined this meeting from another tab or device, so this one was disconnected.",
  [CLOSE_CODES.removed]: "A host removed you from the meeting.",
  [CLOSE_CODES.ended]: "A host ended the meeting for everyone.",
  [CLOSE_CODES.roomLocked]: "The meeting is locked: a host has to unlock it before you can join.",
  [CLOSE_CODES.helloTimeout]: "The meeting did not hear from this browser in time.",
};

/**
 * What a socket close means for the person. The room's own close codes are decisions, after which reconnecting
 * would only be refused again: they end the meeting with an explanation. Any other code (1006 for a dropped
 * network, 1001 for a restarting server) is a failure that partysocket retries.
 */
export function closeDecision(code: number): string | null {
  return decisions[code as CloseCode] ?? null;
}
