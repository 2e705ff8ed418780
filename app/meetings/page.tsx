import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { listMyMeetings } from "@/lib/server/meetings/list-my-meetings";
import { currentActor } from "@/lib/server/session/current-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your meetings" };

const formatWhen = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** The meetings someone took part in (or whose room they own), each opening its history: who came, the chat, files. */
export default async function MyMeetingsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=/meetings");
  const meetings = await listMyMeetings(actor);
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8">
        <h1 className="text-xl font-semibold">Your meetings</h1>
        {meetings.length === 0 ? (
          <p className="text-sm text-fg-muted">Meetings you take part in will show here, with their chat and files.</p>
        ) : (
          <ul aria-label="Meetings" className="divide-y divide-line-muted rounded-md border border-line bg-surface">
            {meetings.map((meeting) => (
              <li key={meeting.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
                <Link href={`/meetings/${encodeURIComponent(meeting.id)}`} className="font-medium text-link underline">
                  {meeting.title}
                </Link>
                <span className="text-sm text-fg-muted">
                  {formatWhen(meeting.startedAt)} · {meeting.endedAt ? `${Math.max(1, Math.round((meeting.endedAt.getTime() - meeting.startedAt.getTime()) / 60_000))} min` : "running"} ·{" "}
                  {meeting.participants} {meeting.participants === 1 ? "person" : "people"} · {meeting.messages} {meeting.messages === 1 ? "message" : "messages"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
