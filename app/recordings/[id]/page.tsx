import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { DeleteRecordingButton } from "@/components/recordings/delete-recording-button";
import { formatDuration, formatSize, formatWhen, STATUS_LABELS } from "@/components/recordings/recording-format";
import { RecordingPlayer } from "@/components/recordings/recording-player";
import { AppError } from "@/lib/server/http/app-error";
import { viewRecording } from "@/lib/server/recordings/find-viewable-recording";
import { currentActor } from "@/lib/server/session/current-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Recording" };

/** One recording: the player (seek, speed), download and, for hosts and admins, delete. Viewing is audited. */
export default async function RecordingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=/recordings/${encodeURIComponent(id)}`);
  const recording = await viewRecording(actor, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const fileUrl = `/api/recordings/${recording.id}/file`;
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-5xl space-y-4 px-4 py-8">
        <p className="text-sm">
          <Link href="/recordings" className="text-link underline">
            ← Recordings
          </Link>
        </p>
        <h1 className="text-xl font-semibold">
          {recording.roomName}, part {recording.part}
        </h1>
        <p className="text-sm text-fg-muted">
          {formatWhen(recording.startedAt)} · {formatDuration(recording.durationMs)} · {formatSize(recording.size)}
        </p>
        {recording.status === "ready" ? (
          <>
            <RecordingPlayer src={fileUrl} label={`Recording of ${recording.roomName}, part ${recording.part}`} />
            <a href={`${fileUrl}?download=1`} className="inline-block text-sm text-link underline">
              Download (webm)
            </a>
          </>
        ) : (
          <p role="status" className="rounded-md border border-line bg-canvas px-4 py-3 text-sm">
            {STATUS_LABELS[recording.status]}
            {recording.status === "failed" && recording.failureReason ? ` ${recording.failureReason}` : null}
            {recording.status === "recording" || recording.status === "processing" ? " The file can be watched once it is ready." : null}
          </p>
        )}
        {recording.canDelete ? <DeleteRecordingButton id={recording.id} /> : null}
      </main>
    </>
  );
}
