import { z } from "zod";

/** Next.js → PartyKit: POST `/parties/main/<roomId>/control` with a signed body. */
export const PARTY_CONTROL_SUFFIX = "/control";

export const partyControlSchema = z.object({
  action: z.literal("close"),
  /** Shown to anyone still in the meeting. */
  reason: z.enum(["expired", "archived", "deleted"]),
});
export type PartyControl = z.infer<typeof partyControlSchema>;
