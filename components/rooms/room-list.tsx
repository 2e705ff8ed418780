import Link from "next/link";
import type { RoomView } from "@/lib/server/rooms/room-view";

export function RoomList({ rooms, emptyText, label }: { rooms: RoomView[]; emptyText: string; label: string }) {
  if (rooms.length === 0) return <p className="rounded-lg border border-dashed border-line-strong p-6 text-sm text-fg-muted">{emptyText}</p>;
  return (
    <ul aria-label={label} className="grid gap-3 sm:grid-cols-2">
      {rooms.map((room) => (
        <li key={room.id}>
          <Link
            href={`/rooms/${room.slug}`}
            className="block h-full rounded-lg border border-line bg-surface p-4 shadow-sm hover:border-primary"
          >
            <span className="flex items-center justify-between gap-2">
              <span className="font-semibold text-fg">{room.name}</span>
              {room.visibility === "INVITE_ONLY" ? (
                <span className="rounded bg-warning-soft px-2 py-0.5 text-xs font-medium text-warning-fg">Invite only</span>
              ) : null}
            </span>
            {room.description ? <span className="mt-1 line-clamp-2 block text-sm text-fg-muted">{room.description}</span> : null}
            <span className="mt-2 block text-xs text-fg-muted">Host: {room.owner.name}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
