import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { BrandingForm } from "@/components/admin/branding/branding-form";
import { LogoForm } from "@/components/admin/branding/logo-form";
import { ResetBrandingButton } from "@/components/admin/branding/reset-branding-button";
import { currentBranding } from "@/lib/server/branding/current-branding";
import { requireAdminPage } from "../load-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Branding" };

/** The organization's branding (admins only; others get the 404 page, as for every admin page). */
export default async function AdminBrandingPage() {
  const actor = await requireAdminPage("/admin/branding");
  const branding = await currentBranding();
  const initial = { displayName: branding.displayName, signInMessage: branding.signInMessage ?? "", primaryColor: branding.primaryColor, accentColor: branding.accentColor };
  return (
    <AdminPage actor={actor} title="Branding" current="branding">
      <p className="max-w-prose text-sm text-fg-muted">
        Your organization&apos;s name, logo and colours on every page, in meetings and in calendar invites. Changes show on the next page load,
        for everyone. Colours must keep text readable (WCAG AA, 4.5:1), so a colour that would not is refused with its ratio and the nearest
        shade that passes.
      </p>
      <div className="grid gap-6 md:grid-cols-[2fr_1fr]">
        <section className="rounded-md border border-line bg-surface p-4">
          {/* Remounted when the saved values change (after a reset), so the form shows what is stored. */}
          <BrandingForm key={JSON.stringify(initial)} initial={initial} />
        </section>
        <section className="space-y-6 rounded-md border border-line bg-surface p-4">
          <LogoForm logoUrl={branding.logoUrl} />
          <ResetBrandingButton />
        </section>
      </div>
    </AdminPage>
  );
}
