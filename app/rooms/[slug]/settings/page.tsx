import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { DeleteRoomButton } from "@/components/rooms/delete-room-button";
import { EditRoomForm } from "@/components/rooms/edit-room-form";
import { InviteManager } from "@/components/rooms/invite-manager";
import { RoomPolicyForm } from "@/components/rooms/room-policy-form";
import { loadRoom } from "../load-room";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

function settingsPath(slug: string) {
  return `/rooms/${encodeURIComponent(slug)}/settings`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const { room } = await loadRoom(slug, settingsPath(slug));
  return { title: `${room.name} settings` };
}

/** Room management, for its owner and admins; everyone else gets the same 404 as for an unknown room. */
export default async function RoomSettingsPage({ params }: Props) {
  const { slug } = await params;
  const { actor, room } = await loadRoom(slug, settingsPath(slug));
  if (!room.canManage) notFound();
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8">
        <Link href={`/rooms/${room.slug}`} className="inline-flex items-center gap-1 text-sm font-medium text-link hover:underline">
          <ArrowLeft aria-hidden className="size-4" /> Back to {room.name}
        </Link>
        <h1 className="text-2xl font-semibold">{room.name}</h1>
        <section aria-labelledby="manage-heading" className="space-y-6 rounded-lg border border-line bg-surface p-6">
          <h2 id="manage-heading" className="text-lg font-semibold">
            Manage room
          </h2>
          <EditRoomForm room={room} />
          {room.visibility === "INVITE_ONLY" ? <InviteManager roomId={room.id} initialInvites={room.invites ?? []} /> : null}
          <DeleteRoomButton roomId={room.id} roomName={room.name} />
        </section>
        {room.policy ? (
          <section aria-labelledby="policy-heading" className="space-y-4 rounded-lg border border-line bg-surface p-6">
            <div className="space-y-1">
              <h2 id="policy-heading" className="text-lg font-semibold">
                Meeting settings
              </h2>
              <p className="text-sm text-fg-muted">
                This room&apos;s own copy of its template&apos;s settings (the defaults if it was made without one). Changes apply to this room
                only, from the next person who joins.
              </p>
              <p className="text-sm text-fg-muted" data-testid="room-expiry">
                {room.expiresAt ? (
                  <>
                    Expires <time dateTime={room.expiresAt}>{new Date(room.expiresAt).toUTCString()}</time>
                  </>
                ) : (
                  "Does not expire."
                )}
              </p>
            </div>
            <RoomPolicyForm roomId={room.id} policy={room.policy} />
          </section>
        ) : null}
      </main>
    </>
  );
}
