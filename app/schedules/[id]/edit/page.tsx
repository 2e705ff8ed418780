import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { CancelScheduleButton } from "@/components/schedules/cancel-schedule-button";
import { ScheduleForm } from "@/components/schedules/schedule-form";
import { AppError } from "@/lib/server/http/app-error";
import { getSchedule } from "@/lib/server/schedules/get-schedule";
import { currentActor } from "@/lib/server/session/current-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit meeting" };

type Props = { params: Promise<{ id: string }> };

/** The organizer edits or cancels; invitees are told only the organizer can; anyone else gets a 404. */
export default async function EditSchedulePage({ params }: Props) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=/schedules/${encodeURIComponent(id)}/edit`);
  const schedule = await getSchedule(actor, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const icsPath = `/api/schedules/${schedule.id}/ics`;
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-2xl space-y-4 px-4 py-8">
        <Link href="/" className="text-sm font-medium text-link hover:underline">
          ← Dashboard
        </Link>
        <h1 className="text-xl font-semibold">Edit “{schedule.title}”</h1>
        {!schedule.isOrganizer ? (
          <p role="alert" className="rounded-md border border-warning-line bg-warning-soft p-3 text-sm text-warning-fg">
            Only the organizer, {schedule.organizer.name}, changes this meeting.
          </p>
        ) : schedule.cancelled ? (
          <div role="status" className="space-y-2 rounded-md border border-line-strong bg-canvas p-3 text-sm text-fg">
            <p>This meeting was cancelled. Invitees no longer see it under Upcoming.</p>
            <a className="text-link underline" href={icsPath} download>
              Cancellation for calendars (.ics)
            </a>
          </div>
        ) : (
          <>
            <ScheduleForm
              mode="edit"
              schedule={{
                id: schedule.id,
                title: schedule.title,
                startsAt: schedule.startsAt,
                durationMinutes: schedule.durationMinutes,
                timeZone: schedule.timeZone,
                weeklyOccurrences: schedule.weeklyOccurrences,
                invitees: schedule.invitees,
              }}
            />
            <section aria-labelledby="cancel-heading" className="space-y-2 rounded-lg border border-danger-line bg-surface p-4">
              <h2 id="cancel-heading" className="font-semibold">
                Cancel this meeting
              </h2>
              <p className="text-sm text-fg-muted">
                Everyone invited stops seeing it; the <a className="text-link underline" href={icsPath}>calendar file</a> turns into a cancellation.
              </p>
              <CancelScheduleButton scheduleId={schedule.id} title={schedule.title} />
            </section>
          </>
        )}
      </main>
    </>
  );
}
