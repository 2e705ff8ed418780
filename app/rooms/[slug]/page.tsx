import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { PresencePanel } from "@/components/meeting/presence-panel";
import { CopyLinkButton } from "@/components/rooms/copy-link-button";
import { DeleteRoomButton } from "@/components/rooms/delete-room-button";
import { EditRoomForm } from "@/components/rooms/edit-room-form";
import { InviteManager } from "@/components/rooms/invite-manager";
import { serverEnv } from "@/lib/config/server-env";
import { AppError } from "@/lib/server/http/app-error";
import { getRoom } from "@/lib/server/rooms/get-room";
import { currentActor } from "@/lib/server/session/current-actor";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function loadRoom(slug: string) {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=/rooms/${encodeURIComponent(slug)}`);
  try {
    return { actor, room: await getRoom(actor, slug) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { room } = await loadRoom((await params).slug);
  return { title: room.name };
}

export default async function RoomPage({ params }: Props) {
  const { actor, room } = await loadRoom((await params).slug);
  return (
    <>
      <AppHeader actor={actor} orgName={serverEnv().ORG_NAME} />
      <main id="main" className="mx-auto max-w-5xl space-y-8 px-4 py-8">
        <section className="space-y-2">
          <h1 className="text-2xl font-semibold">{room.name}</h1>
          {room.description ? <p className="text-slate-700">{room.description}</p> : null}
          <p className="text-sm text-slate-600">
            Hosted by {room.owner.name} · {room.visibility === "INVITE_ONLY" ? "Invite only" : "Open to everyone in the organization"}
            {room.expiresAt ? ` · Expires ${new Date(room.expiresAt).toUTCString()}` : ""}
          </p>
          <div className="flex flex-wrap gap-2 pt-2">
            <CopyLinkButton path={`/rooms/${room.slug}`} />
          </div>
        </section>
        <PresencePanel roomId={room.id} />
        {room.canManage ? (
          <section aria-labelledby="manage-heading" className="space-y-6 rounded-lg border border-slate-200 bg-white p-6">
            <h2 id="manage-heading" className="text-lg font-semibold">
              Manage room
            </h2>
            <EditRoomForm room={room} />
            {room.visibility === "INVITE_ONLY" ? <InviteManager roomId={room.id} initialInvites={room.invites ?? []} /> : null}
            <DeleteRoomButton roomId={room.id} roomName={room.name} />
          </section>
        ) : null}
      </main>
    </>
  );
}
