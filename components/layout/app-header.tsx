import Link from "next/link";
import { UnreadAlertsBadge } from "@/components/admin/alert-badge";
import { OrgMark } from "@/components/auth/org-mark";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ReminderToasts } from "@/components/schedules/reminder-toasts";
import type { Actor } from "@/lib/domain/actor";
import { currentBranding } from "@/lib/server/branding/current-branding";

/** Every signed-in page's header: the organization's mark and name (its branding), navigation, who is signed in. */
export async function AppHeader({ actor }: { actor: Actor }) {
  const branding = await currentBranding();
  return (
    <header className="border-b border-slate-200 border-t-4 border-t-accent-700 bg-white">
      <ReminderToasts />
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
          <OrgMark name={branding.displayName} logoUrl={branding.logoUrl} size="small" />
          <span data-testid="org-name">{branding.displayName}</span> Meet
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
            {actor.role === "admin" ? <span className="ml-2 rounded bg-accent-100 px-2 py-0.5 text-xs font-medium text-accent-800">Admin</span> : null}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
