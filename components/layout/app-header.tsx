import Link from "next/link";
import { UnreadAlertsBadge } from "@/components/admin/alert-badge";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ReminderToasts } from "@/components/schedules/reminder-toasts";
import type { Actor } from "@/lib/domain/actor";

export function AppHeader({ actor, orgName }: { actor: Actor; orgName: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <ReminderToasts />
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
          <span aria-hidden className="grid size-8 place-items-center rounded-md bg-brand-700 text-white">
            {orgName.slice(0, 1).toUpperCase()}
          </span>
          {orgName} Meet
        </Link>
        <div className="flex items-center gap-3 text-sm">
          <Link href="/meetings" className="text-brand-700 underline">
            Meetings
          </Link>
          <Link href="/recordings" className="text-brand-700 underline">
            Recordings
          </Link>
          <Link href="/templates" className="text-brand-700 underline">
            Templates
          </Link>
          {actor.role === "admin" ? (
            <Link href="/admin" className="text-brand-700 underline">
              Analytics
              <UnreadAlertsBadge />
            </Link>
          ) : null}
          <span>
            <span className="sr-only">Signed in as </span>
            <span data-testid="signed-in-user">{actor.name}</span>
            {actor.role === "admin" ? <span className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-xs font-medium text-brand-800">Admin</span> : null}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
