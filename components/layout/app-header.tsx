import Link from "next/link";
import { UnreadAlertsBadge } from "@/components/admin/alert-badge";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ThemePicker } from "@/components/layout/theme-picker";
import { ReminderToasts } from "@/components/schedules/reminder-toasts";
import type { Actor } from "@/lib/domain/actor";
import { currentThemeChoice } from "@/lib/server/session/current-theme-choice";

export async function AppHeader({ actor, orgName }: { actor: Actor; orgName: string }) {
  const theme = await currentThemeChoice();
  return (
    <header className="border-b border-line bg-surface">
      <ReminderToasts />
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold text-fg">
          <span aria-hidden className="grid size-8 place-items-center rounded-md bg-primary text-on-primary">
            {orgName.slice(0, 1).toUpperCase()}
          </span>
          {orgName} Meet
        </Link>
        <div className="flex items-center gap-3 text-sm">
          <Link href="/meetings" className="text-link underline">
            Meetings
          </Link>
          <Link href="/recordings" className="text-link underline">
            Recordings
          </Link>
          <Link href="/templates" className="text-link underline">
            Templates
          </Link>
          {actor.role === "admin" ? (
            <Link href="/admin" className="text-link underline">
              Analytics
              <UnreadAlertsBadge />
            </Link>
          ) : null}
          <span>
            <span className="sr-only">Signed in as </span>
            <span data-testid="signed-in-user">{actor.name}</span>
            {actor.role === "admin" ? <span className="ml-2 rounded bg-primary-soft px-2 py-0.5 text-xs font-medium text-primary-soft-fg">Admin</span> : null}
          </span>
          <ThemePicker choice={theme} />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
