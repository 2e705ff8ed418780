import { CLOSE_CODES, type CloseCode, type ErrorCode } from "@/lib/signaling";

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
  [CLOSE_CODES.denied]: "A host didn't let you into the meeting.",
  [CLOSE_CODES.roomFull]: "The meeting is full: nobody else can join until someone leaves.",
  [CLOSE_CODES.roomClosed]: "The room is no longer available.",
  [CLOSE_CODES.tooManySeats]: "You're already in this meeting in other tabs or on other devices. Leave one of them to join here.",
  [CLOSE_CODES.tokenReused]: "This browser tried to join with a pass it had already used. Reload the page to join again.",
};

/** The server names why it closed the room in the close frame's reason (lib/internal-api/party-control.ts). */
const roomClosedReasons: Readonly<Record<string, string>> = {
  expired: "The room expired, so the meeting ended for everyone.",
  archived: "The room was archived, so the meeting ended for everyone.",
  deleted: "The room was deleted, so the meeting ended for everyone.",
};

/**
 * `closed`: the room itself is gone (4007), which the exit screen says as "This room was closed". `refused`: the
 * door stayed shut (locked, full), said as "You couldn't join the meeting".
 */
export type CloseOutcome = { exit: "closed" | "refused" | "failed"; message: string };

const refusals: ReadonlySet<number> = new Set([CLOSE_CODES.roomLocked, CLOSE_CODES.roomFull, CLOSE_CODES.tooManySeats]);

/**
 * What a socket close means for the person. The room's own close codes are decisions, after which reconnecting
 * would only be refused again: they end the meeting with an explanation. Any other code (1006 for a dropped
 * network, 1001 for a restarting server) is a failure that partysocket retries (null).
 */
export function closeOutcome(code: number, reason = ""): CloseOutcome | null {
  if (code === CLOSE_CODES.roomClosed) {
    return { exit: "closed", message: roomClosedReasons[reason] ?? decisions[CLOSE_CODES.roomClosed]! };
  }
  const message = decisions[code as CloseCode];
  if (message === undefined) return null;
  return { exit: refusals.has(code) ? "refused" : "failed", message };
}

/** The error the room answers a `hello` with just before closing: locked and full are refusals, worded for the person. */
export function doorRefusal(code: ErrorCode, text: string): CloseOutcome {
  if (code === "room_locked") return { exit: "refused", message: decisions[CLOSE_CODES.roomLocked]! };
  if (code === "room_full") return { exit: "refused", message: decisions[CLOSE_CODES.roomFull]! };
  if (code === "too_many_seats") return { exit: "refused", message: decisions[CLOSE_CODES.tooManySeats]! };
  return { exit: "failed", message: text };
}

/** The explanation alone, or null when partysocket should retry. */
export function closeDecision(code: number, reason = ""): string | null {
  return closeOutcome(code, reason)?.message ?? null;
}
