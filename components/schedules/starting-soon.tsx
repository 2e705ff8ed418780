"use client";

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { useNow } from "@/components/ui/use-now";
import { reminderPhase, startsIn } from "@/lib/domain/meeting-reminder";
import type { UpcomingItem } from "./upcoming-list";

/** The dashboard's banner for meetings whose reminder is due or that are on now, each with Join now. */
export function StartingSoon({ items }: { items: UpcomingItem[] }) {
  const now = useNow();
  if (now === null) return null;
  const due = items.flatMap((item) => {
    const startsAt = new Date(item.nextStartsAt);
    const phase = reminderPhase({ startsAt, durationMinutes: item.durationMinutes, reminderMinutes: item.reminderMinutes }, now);
    return phase === "soon" || phase === "live" ? [{ item, phase, startsAt }] : [];
  });
  if (due.length === 0) return null;
  return (
    <section aria-label="Starting soon" role="status" className="space-y-2">
      {due.map(({ item, phase, startsAt }) => (
        <div key={item.id} data-testid="starting-soon" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-primary-line bg-primary-soft p-3">
          <p className="text-sm text-fg">
            <span className="font-semibold">{item.title}</span> {phase === "live" ? "is on now" : `starts ${startsIn(startsAt, now)}`}
          </p>
          <Link className={buttonClasses("primary")} href={item.joinPath} aria-label={`Join ${item.title} now`}>
            Join now
          </Link>
        </div>
      ))}
    </section>
  );
}
