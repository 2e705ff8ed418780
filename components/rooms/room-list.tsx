import Link from "next/link";
import type { RoomView } from "@/lib/server/rooms/room-view";

export function RoomList({ rooms, emptyText, label }: { rooms: RoomView[]; emptyText: string; label: string }) {
  if (rooms.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-600">{emptyText}</p>;
  return (
    <ul aria-label={label} className="grid gap-3 sm:grid-cols-2">
      {rooms.map((room) => (
        <li key={room.id}>
          <Link
            href={`/rooms/${room.slug}`}
            className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
          >
            <span className="flex items-center justify-between gap-2">
              <span className="font-semibold text-slate-900">{room.name}</span>
              {room.visibility === "INVITE_ONLY" ? (
                <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Invite only</span>
              ) : null}
            </span>
            {room.description ? <span className="mt-1 line-clamp-2 block text-sm text-slate-600">{room.description}</span> : null}
            <span className="mt-2 block text-xs text-slate-600">Host: {room.owner.name}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
