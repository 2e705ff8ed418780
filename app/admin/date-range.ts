import { z } from "zod";

const DAY_MS = 86_400_000;
/** Same bound as /api/admin/overview: a year keeps the per-day series small. */
const MAX_RANGE_MS = 366 * DAY_MS;

const dateInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((value) => new Date(`${value}T00:00:00Z`))
  .refine((date) => !Number.isNaN(date.getTime()));

export type DateRange = { from: Date; to: Date; fromInput: string; toInput: string };

const toInput = (date: Date) => date.toISOString().slice(0, 10);

/**
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD` (UTC days, `to` inclusive) → the half-open range [from, to + 1 day).
 * Missing or invalid values fall back to the last 30 days, and an inverted or over-long range to the default, so a
 * hand-edited URL still renders a page.
 */
export function parseDateRange(params: { from?: string | string[]; to?: string | string[] }): DateRange {
  const fromParsed = dateInput.safeParse(params.from);
  const toParsed = dateInput.safeParse(params.to);
  const today = new Date(`${toInput(new Date())}T00:00:00Z`);
  const toDay = toParsed.success ? toParsed.data : today;
  const fromDay = fromParsed.success ? fromParsed.data : new Date(toDay.getTime() - 29 * DAY_MS);
  const to = new Date(toDay.getTime() + DAY_MS);
  if (fromDay >= to || to.getTime() - fromDay.getTime() > MAX_RANGE_MS) {
    return { from: new Date(today.getTime() - 29 * DAY_MS), to: new Date(today.getTime() + DAY_MS), fromInput: toInput(new Date(today.getTime() - 29 * DAY_MS)), toInput: toInput(today) };
  }
  return { from: fromDay, to, fromInput: toInput(fromDay), toInput: toInput(toDay) };
}
