import Link from "next/link";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { CreateRoomForm } from "@/components/rooms/create-room-form";
import { RoomList } from "@/components/rooms/room-list";
import { buttonClasses } from "@/components/ui/button";
import { StartingSoon } from "@/components/schedules/starting-soon";
import { UpcomingList } from "@/components/schedules/upcoming-list";
import { listRooms } from "@/lib/server/rooms/list-rooms";
import { listUpcoming } from "@/lib/server/schedules/list-upcoming";
import { currentActor } from "@/lib/server/session/current-actor";
import { listTemplates } from "@/lib/server/templates/list-templates";

export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  const [owned, shared, upcoming, templates] = await Promise.all([
    listRooms(actor, { scope: "owned", limit: 50 }),
    listRooms(actor, { scope: "shared", limit: 50 }),
    listUpcoming(actor),
    listTemplates(actor),
  ]);
  const upcomingItems = upcoming.map((meeting) => ({
    id: meeting.id,
    title: meeting.title,
    nextStartsAt: meeting.nextStartsAt!,
    durationMinutes: meeting.durationMinutes,
    weeklyOccurrences: meeting.weeklyOccurrences,
    joinPath: meeting.joinPath,
    organizerName: meeting.organizer.name,
    isOrganizer: meeting.isOrganizer,
    reminderMinutes: meeting.reminderMinutes,
  }));
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto grid max-w-5xl gap-8 px-4 py-8 lg:grid-cols-[1fr_320px]">
        <div className="space-y-8">
          <StartingSoon items={upcomingItems} />
          <section aria-labelledby="my-rooms" className="space-y-3">
            <h1 id="my-rooms" className="text-xl font-semibold">
              My rooms
            </h1>
            <RoomList label="My rooms" rooms={owned.rooms} emptyText="You have no rooms yet. Create one to start meeting." />
          </section>
          <section aria-labelledby="upcoming" className="space-y-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="upcoming" className="text-xl font-semibold">
                Upcoming
              </h2>
              <Link href="/schedules/new" className={buttonClasses("secondary")}>
                Schedule a meeting
              </Link>
            </div>
            <UpcomingList items={upcomingItems} />
          </section>
          <section aria-labelledby="shared-rooms" className="space-y-3">
            <h2 id="shared-rooms" className="text-xl font-semibold">
              Shared with me
            </h2>
            <RoomList label="Shared with me" rooms={shared.rooms} emptyText="No rooms are shared with you yet." />
          </section>
        </div>
        <aside>
          <CreateRoomForm templates={templates.map(({ id, name, scope }) => ({ id, name, scope }))} />
        </aside>
      </main>
    </>
  );
}
