import { z } from "zod";
import { addWeeksInZone } from "./room-expiry";

/** An IANA zone the runtime knows (Intl throws on unknown zones). */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "Unknown time zone.");

const title = z.string().trim().min(1, "Give the meeting a title.").max(120);

export const createScheduleInputSchema = z.object({
  title,
  templateId: z.string().trim().min(1).max(64),
  /** The UTC instant of the (first) start; the form converts the wall clock in `timeZone`. */
  startsAt: z.coerce.date(),
  durationMinutes: z.number().int().min(5).max(24 * 60),
  timeZone: timeZoneSchema,
  weeklyOccurrences: z.number().int().min(1).max(52).default(1),
  inviteeIds: z.array(z.string().trim().min(1).max(64)).max(100).default([]),
  visibility: z.enum(["ORG", "INVITE_ONLY"]).default("INVITE_ONLY"),
});
export type CreateScheduleInput = z.output<typeof createScheduleInputSchema>;

export const updateScheduleInputSchema = z
  .object({
    title,
    startsAt: z.coerce.date(),
    durationMinutes: z.number().int().min(5).max(24 * 60),
    timeZone: timeZoneSchema,
    weeklyOccurrences: z.number().int().min(1).max(52),
    inviteeIds: z.array(z.string().trim().min(1).max(64)).max(100),
  })
  .partial()
  .strict()
  .refine((input) => Object.keys(input).length > 0, "Change at least one field.");
export type UpdateScheduleInput = z.output<typeof updateScheduleInputSchema>;

/**
 * The next occurrence that has not ended yet, or null when the series is over. Weekly steps keep the
 * organizer's wall clock in their zone (as the expiry rule does).
 */
export function nextOccurrence(
  schedule: { startsAt: Date; durationMinutes: number; weeklyOccurrences: number; timeZone: string },
  now: Date,
): Date | null {
  const durationMs = schedule.durationMinutes * 60_000;
  for (let index = 0; index < schedule.weeklyOccurrences; index++) {
    const start = addWeeksInZone(schedule.startsAt, index, schedule.timeZone);
    if (start.getTime() + durationMs > now.getTime()) return start;
  }
  return null;
}
