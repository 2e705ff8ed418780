import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { formatDuration, formatSize, formatWhen, STATUS_LABELS } from "@/components/recordings/recording-format";
import { listRecordings } from "@/lib/server/recordings/list-recordings";
import { currentActor } from "@/lib/server/session/current-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Recordings" };

/** The recordings someone may watch (hosts, participants when the room allows, admins), grouped by meeting. */
export default async function RecordingsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=/recordings");
  const meetings = await listRecordings(actor);
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8">
        <h1 className="text-xl font-semibold">Recordings</h1>
        {meetings.length === 0 ? (
          <p className="text-sm text-fg-muted">Recordings of meetings you host or take part in will show here.</p>
        ) : (
          <ul aria-label="Recorded meetings" className="space-y-4">
            {meetings.map((meeting) => (
              <li key={meeting.meetingId} className="rounded-md border border-line bg-surface">
                <h2 className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line-muted px-4 py-2">
                  <span className="font-medium">{meeting.roomName}</span>
                  <span className="text-sm text-fg-muted">{formatWhen(meeting.startedAt)}</span>
                </h2>
                <ol aria-label={`Recordings of ${meeting.roomName}, ${formatWhen(meeting.startedAt)}`} className="divide-y divide-line-muted">
                  {meeting.parts.map((part) => (
                    <li key={part.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2 text-sm">
                      <Link href={`/recordings/${part.id}`} className="font-medium text-link underline">
                        Part {part.part}
                      </Link>
                      <span className="text-fg-muted">
                        {formatDuration(part.durationMs)} · {formatSize(part.size)} · <span data-testid="recording-status">{STATUS_LABELS[part.status]}</span>
                      </span>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
