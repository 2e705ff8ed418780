import { Settings } from "lucide-react";
import Link from "next/link";
import { CopyLinkButton } from "@/components/rooms/copy-link-button";
import { buttonClasses } from "@/components/ui/button";
import type { RoomView } from "@/lib/server/rooms/room-view";

export function RoomDetails({ room }: { room: RoomView }) {
  return (
    <section className="space-y-2">
      <h1 className="text-2xl font-semibold">{room.name}</h1>
      {room.description ? <p className="text-fg-muted">{room.description}</p> : null}
      <p className="text-sm text-fg-muted">
        Hosted by {room.owner.name} · {room.visibility === "INVITE_ONLY" ? "Invite only" : "Open to everyone in the organization"}
        {room.expiresAt ? ` · Expires ${new Date(room.expiresAt).toUTCString()}` : ""}
      </p>
      <div className="flex flex-wrap gap-2 pt-2">
        <CopyLinkButton path={`/rooms/${room.slug}`} />
        {room.canManage ? (
          <Link href={`/rooms/${room.slug}/settings`} className={buttonClasses("secondary")}>
            <Settings aria-hidden className="size-4" /> Room settings
          </Link>
        ) : null}
      </div>
    </section>
  );
}
