import Link from "next/link";
import { UnreadAlertsBadge } from "@/components/admin/alert-badge";
import { OrgMark } from "@/components/auth/org-mark";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ThemePicker } from "@/components/layout/theme-picker";
import { ReminderToasts } from "@/components/schedules/reminder-toasts";
import type { Actor } from "@/lib/domain/actor";
import { currentBranding } from "@/lib/server/branding/current-branding";
import { currentThemeChoice } from "@/lib/server/session/current-theme-choice";

/** Every signed-in page's header: the organization's mark and name (its branding), navigation, who is signed in. */
export async function AppHeader({ actor }: { actor: Actor }) {
  const [branding, theme] = await Promise.all([currentBranding(), currentThemeChoice()]);
  return (
    <header className="border-b border-line border-t-4 border-t-accent-700 bg-surface">
      <ReminderToasts />
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold text-fg">
          <OrgMark name={branding.displayName} logoUrl={branding.logoUrl} size="small" />
          <span data-testid="org-name">{branding.displayName}</span> Meet
        </Link>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
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
            {actor.role === "admin" ? <span className="ml-2 rounded bg-accent-100 px-2 py-0.5 text-xs font-medium text-accent-800">Admin</span> : null}
          </span>
          <ThemePicker choice={theme} />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
