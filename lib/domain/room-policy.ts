import { z } from "zod";

/**
 * How a room runs its meetings. Templates hold one, rooms copy it at creation (hosts may then override it), and
 * the join token carries the room's current policy to PartyKit, which enforces it.
 */
export const roomPolicySchema = z.object({
  /** Joiners other than hosts wait until a host admits them. */
  waitingRoom: z.boolean(),
  muteOnEntry: z.boolean(),
  cameraOffOnEntry: z.boolean(),
  /** The meeting role of joiners who are not hosts (the owner is always host). */
  defaultRole: z.enum(["participant", "observer"]),
  /** Who may share a screen besides hosts. */
  screenShare: z.enum(["everyone", "presenters"]),
  chatEnabled: z.boolean(),
  /** off: nobody records; manual: hosts start and stop; auto: recording starts when the first host joins. */
  recording: z.enum(["off", "manual", "auto"]),
  /** Who may watch a meeting's recordings besides the room's hosts and admins: hosts only, or everyone who took part. */
  recordingAccess: z.enum(["hosts", "participants"]).default("participants"),
  /** Recordings are deleted (blob and row) this many days after they end. */
  recordingRetentionDays: z.number().int().min(1).max(3650).default(30),
  /** Participants at once, hosts included. */
  maxParticipants: z.number().int().min(2).max(100),
  defaultLayout: z.enum(["grid", "speaker", "presentation"]),
  /** Media goes through the SFU (Janus) from the first person on, instead of peer-to-peer: all-hands, departments. */
  largeMeeting: z.boolean(),
  /**
   * Invitees of a meeting scheduled in this room are reminded this many minutes before it starts (in the app and
   * by the invite's alarm); 0 turns reminders off. Policies stored before it existed get the default.
   */
  reminderMinutes: z.number().int().min(0).max(1440).default(10),
  /** When the room is cleaned up: never, N days after its scheduled end, or N days after its last meeting. */
  expiry: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("never") }),
    z.object({ kind: z.literal("after-scheduled-end"), days: z.number().int().min(0).max(3650) }),
    z.object({ kind: z.literal("after-last-meeting"), days: z.number().int().min(0).max(3650) }),
  ]),
});
export type RoomPolicy = z.infer<typeof roomPolicySchema>;

/** What rooms made without a template (and before templates existed) get. */
export const defaultRoomPolicy: RoomPolicy = {
  waitingRoom: false,
  muteOnEntry: false,
  cameraOffOnEntry: false,
  defaultRole: "participant",
  screenShare: "everyone",
  chatEnabled: true,
  recording: "manual",
  recordingAccess: "participants",
  recordingRetentionDays: 30,
  maxParticipants: 50,
  defaultLayout: "grid",
  largeMeeting: false,
  reminderMinutes: 10,
  expiry: { kind: "never" },
};

/** A stored policy (JSON column, possibly older or null) read leniently: unknown or missing fields get defaults. */
export function readRoomPolicy(stored: unknown): RoomPolicy {
  if (stored === null || typeof stored !== "object") return defaultRoomPolicy;
  const merged = { ...defaultRoomPolicy, ...(stored as Record<string, unknown>) };
  const parsed = roomPolicySchema.safeParse(merged);
  return parsed.success ? parsed.data : defaultRoomPolicy;
}
