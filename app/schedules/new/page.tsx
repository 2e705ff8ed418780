import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { ScheduleForm } from "@/components/schedules/schedule-form";
import { currentActor } from "@/lib/server/session/current-actor";
import { listTemplates } from "@/lib/server/templates/list-templates";

export const dynamic = "force-dynamic";

export default async function NewSchedulePage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  const templates = await listTemplates(actor);
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-2xl space-y-4 px-4 py-8">
        <h1 className="text-xl font-semibold">Schedule a meeting</h1>
        <ScheduleForm mode="create" templates={templates.map(({ id, name, scope }) => ({ id, name, scope }))} />
      </main>
    </>
  );
}
