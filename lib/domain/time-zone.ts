const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    let format: Intl.DateTimeFormat | null;
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      format = null;
    }
    formatters.set(timeZone, format);
  }
  return formatters.get(timeZone) ?? null;
}

/** The zone's offset from UTC at `at`, in ms (positive east of Greenwich); null for an unknown zone. */
export function zoneOffsetMs(at: Date, timeZone: string): number | null {
  const format = formatterFor(timeZone);
  if (!format) return null;
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - (at.getTime() - at.getMilliseconds());
}

/**
 * A wall-clock reading in `timeZone` (given as if it were UTC ms) → the instant. The offset depends on the instant,
 * so it is settled in two steps: exact except inside a DST gap, where the result lands one offset later, as
 * calendars do. Null for an unknown zone.
 */
export function wallClockToInstant(wallMs: number, timeZone: string): Date | null {
  const first = zoneOffsetMs(new Date(wallMs), timeZone);
  if (first === null) return null;
  const second = zoneOffsetMs(new Date(wallMs - first), timeZone) ?? first;
  return new Date(wallMs - second);
}
