import type { WaitingParticipant } from "@/lib/signaling";
import type { Notice } from "./state/meeting-notices";

/**
 * What the session asks the page to show beyond its state: toasts, sounds and screen-reader announcements.
 * The session stays free of any UI library; the React binding renders these.
 */
export type MeetingPrompt =
  /** A server message worth telling (meeting-notices.ts): a toast, or an announcement only. */
  | { kind: "notice"; notice: Notice }
  /** Announced to screen readers only. */
  | { kind: "announce"; text: string }
  /** Someone knocked: offer Admit / Deny (the session's `admit` / `deny`). */
  | { kind: "knock"; participant: WaitingParticipant }
  /** Another host settled the knock, or the person left the waiting room. */
  | { kind: "knock-settled"; participantId: string }
  /** A host asks this person to unmute: a request with an Unmute button, never a switch. */
  | { kind: "unmute-requested" }
  /** A control this person's role does not allow, and why. */
  | { kind: "forbidden"; reason: string }
  | { kind: "sfu-unavailable" }
  | { kind: "screen-share-failed" };
