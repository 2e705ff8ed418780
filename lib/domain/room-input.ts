import { z } from "zod";
import { roomPolicySchema } from "./room-policy";

export const roomVisibilitySchema = z.enum(["ORG", "INVITE_ONLY"]);

const roomName = z.string().trim().min(1, "Give the room a name.").max(80, "Keep the name under 80 characters.");
const roomDescription = z.string().trim().max(500, "Keep the description under 500 characters.");
export const inviteEmailSchema = z.email("Enter a valid email address.").max(254).transform((email) => email.toLowerCase());
const futureDate = z.coerce
  .date()
  .refine((date) => date.getTime() > Date.now(), "The expiry must be in the future.");

export const createRoomInputSchema = z.object({
  name: roomName,
  description: roomDescription.optional(),
  visibility: roomVisibilitySchema.default("ORG"),
  expiresAt: futureDate.nullish(),
  invites: z.array(inviteEmailSchema).max(100, "Invite at most 100 people at once.").default([]),
  /** A template (org or the actor's own) whose policy the room copies. */
  templateId: z.string().trim().min(1).max(64).optional(),
});
export type CreateRoomInput = z.output<typeof createRoomInputSchema>;

export const updateRoomInputSchema = z
  .object({
    name: roomName,
    description: roomDescription.nullable(),
    visibility: roomVisibilitySchema,
    expiresAt: futureDate.nullable(),
    /** The host's override of the policy copied from the template (whole policy, validated like a template's). */
    policy: roomPolicySchema,
  })
  .partial()
  .strict()
  .refine((input) => Object.keys(input).length > 0, "Change at least one field.");
export type UpdateRoomInput = z.output<typeof updateRoomInputSchema>;

export const listRoomsQuerySchema = z.object({
  scope: z.enum(["owned", "shared", "all"]).default("all"),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListRoomsQuery = z.output<typeof listRoomsQuerySchema>;

export const roomIdSchema = z.string().trim().min(1).max(64);
