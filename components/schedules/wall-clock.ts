import { wallClockToInstant, zoneOffsetMs } from "@/lib/domain/time-zone";

/**
 * Wall clock in an IANA zone → UTC instant, for forms: the person types "09:00 Europe/Paris", the API takes an
 * instant. Pure (Intl only), so it runs in the browser and in unit tests.
 */
export function zonedWallClockToUtc(date: string, time: string, timeZone: string): Date | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dateMatch || !timeMatch) return null;
  const wall = Date.UTC(Number(dateMatch[1]), Number(dateMatch[2]) - 1, Number(dateMatch[3]), Number(timeMatch[1]), Number(timeMatch[2]));
  return wallClockToInstant(wall, timeZone);
}

/**
 * The reverse, to prefill an edit form: the instant as a wall clock in the zone it was scheduled in
 * ("YYYY-MM-DD", "HH:MM"). Unknown zones read as UTC.
 */
export function utcToZonedWallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const wall = new Date(instant.getTime() + (zoneOffsetMs(instant, timeZone) ?? 0));
  const iso = wall.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}
