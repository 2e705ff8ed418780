import { z } from "zod";
import { roomPolicySchema } from "../domain/room-policy";
import { meetingRoleSchema } from "../signaling/meeting-role";
import { activeRecordingSchema } from "../signaling/room-settings";

/** Next.js → PartyKit: POST `/parties/main/<roomId>/control` with a signed body. */
export const PARTY_CONTROL_SUFFIX = "/control";

export const partyControlSchema = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("close"),
    /** Shown to anyone still in the meeting. */
    reason: z.enum(["expired", "archived", "deleted"]),
  }),
  z.object({
    /** A host saved new room settings: the live meeting adopts them now rather than at the next join. */
    action: z.literal("policy"),
    policy: roomPolicySchema,
    /** Compared with join tokens' expiry (epoch seconds): the meeting keeps the newest policy it has seen. */
    stamp: z.number().int().positive(),
  }),
  z.object({
    /** Where a user stands in the live meeting (lib/meeting/presence.ts); answered with `partyPresenceSchema`. */
    action: z.literal("presence"),
    userId: z.string().min(1).max(128),
  }),
]);

export const partyPresenceSchema = z.object({
  /** The running meeting's id (the Meeting record's), null when nobody is seated. */
  meetingId: z.string().nullable(),
  seated: z.boolean(),
  role: meetingRoleSchema.nullable(),
  mayChat: z.boolean(),
  /** The recording in progress, if any (the app lets only its recorder upload it). */
  recording: activeRecordingSchema.nullable().default(null),
});
export type PartyPresence = z.infer<typeof partyPresenceSchema>;
export type PartyControl = z.infer<typeof partyControlSchema>;
export type CloseReason = Extract<PartyControl, { action: "close" }>["reason"];
