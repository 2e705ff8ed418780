import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { ChatTranscript } from "@/components/meetings/chat-transcript";
import { getMeetingHistory } from "@/lib/server/meetings/get-meeting-history";
import { currentActor } from "@/lib/server/session/current-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Meeting history" };

type Props = { params: Promise<{ id: string }> };

const formatTime = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "—");

/** One meeting after the fact, for those who took part, the room's owner and admins; 404 for everyone else. */
export default async function MeetingHistoryPage({ params }: Props) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/meetings/${id}`)}`);
  const history = await getMeetingHistory(actor, id);
  if (!history) notFound();
  const chatExport = (format: "csv" | "json") => `/api/meetings/${encodeURIComponent(history.id)}/chat?format=${format}`;
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-5xl space-y-8 px-4 py-8">
        <div className="space-y-1">
          <Link href="/meetings" className="text-sm text-link underline">
            Your meetings
          </Link>
          <h1 className="text-xl font-semibold">{history.title}</h1>
          <p className="text-sm text-fg-muted">
            {formatTime(history.startedAt)} – {history.endedAt ? formatTime(history.endedAt) : "still running"}
          </p>
        </div>
        <section aria-labelledby="people" className="space-y-2">
          <h2 id="people" className="font-medium">
            Who took part
          </h2>
          <ul className="flex flex-wrap gap-2 text-sm">
            {history.participants.map((participant) => (
              <li key={participant.id} className="rounded-full bg-surface-muted px-3 py-1">
                {participant.displayName} <span className="text-fg-muted">· {participant.role.toLowerCase()}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="chat" className="space-y-2">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="chat" className="font-medium">
              Chat
            </h2>
            <p className="flex gap-3 text-sm">
              <a href={chatExport("csv")} download className="text-link underline">
                Download chat (CSV)
              </a>
              <a href={chatExport("json")} download className="text-link underline">
                Download chat (JSON)
              </a>
            </p>
          </div>
          <ChatTranscript messages={history.chat} />
        </section>
      </main>
    </>
  );
}
