"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { buttonClasses } from "@/components/ui/button";
import { useNow } from "@/components/ui/use-now";
import { offersJoinNow } from "@/lib/domain/meeting-reminder";

export type UpcomingItem = {
  id: string;
  title: string;
  nextStartsAt: string;
  durationMinutes: number;
  weeklyOccurrences: number;
  joinPath: string;
  organizerName: string;
  isOrganizer: boolean;
  reminderMinutes: number;
};

// The server does not know the viewer's zone: render UTC on the server, the browser's zone after hydration.
const subscribe = () => () => {};
export function useViewerZone(): string {
  return useSyncExternalStore(subscribe, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => "UTC");
}

export function UpcomingList({ items }: { items: UpcomingItem[] }) {
  const timeZone = useViewerZone();
  const now = useNow();
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone });
  if (items.length === 0) return <p className="text-sm text-fg-muted">Nothing scheduled.</p>;
  return (
    <ul aria-label="Upcoming meetings" className="divide-y divide-line rounded-lg border border-line bg-surface">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 p-3" data-testid="upcoming-meeting">
          <div>
            <p className="font-medium">{item.title}</p>
            <p className="text-sm text-fg-muted">
              <time dateTime={item.nextStartsAt}>{format.format(new Date(item.nextStartsAt))}</time> ({timeZone}) ·{" "}
              {item.durationMinutes} min{item.weeklyOccurrences > 1 ? ` · weekly ×${item.weeklyOccurrences}` : ""} ·{" "}
              {item.isOrganizer ? "you organize" : `by ${item.organizerName}`}
            </p>
          </div>
          <div className="flex gap-3 text-sm">
            {now !== null && offersJoinNow({ startsAt: new Date(item.nextStartsAt), durationMinutes: item.durationMinutes }, now) ? (
              <Link className={buttonClasses("primary")} href={item.joinPath} aria-label={`Join ${item.title} now`}>
                Join now
              </Link>
            ) : (
              <Link className="font-medium text-link underline" href={item.joinPath} aria-label={`Join ${item.title}`}>
                Join
              </Link>
            )}
            {item.isOrganizer ? (
              <Link className="text-link underline" href={`/schedules/${item.id}/edit`} aria-label={`Edit or cancel ${item.title}`}>
                Edit
              </Link>
            ) : null}
            <a className="text-link underline" href={`/api/schedules/${item.id}/ics`} download>
              Add to calendar (.ics)
            </a>
          </div>
        </li>
      ))}
    </ul>
  );
}
