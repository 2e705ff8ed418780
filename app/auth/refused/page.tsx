import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { OrgMark } from "@/components/auth/org-mark";
import { buttonClasses } from "@/components/ui/button";
import { serverEnv } from "@/lib/config/server-env";
import { currentBranding } from "@/lib/server/branding/current-branding";

export const metadata: Metadata = { title: "Access not allowed" };

const searchParamsSchema = z.object({ method: z.enum(["oidc", "ldap"]).optional().catch(undefined) });

/** Where a directory user lands when none of their groups may use the app (see resolveAppRole). */
export default async function RefusedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { method } = searchParamsSchema.parse(await searchParams);
  const branding = await currentBranding();
  return (
    <main id="main" className="grid min-h-screen place-items-center px-4 py-12">
      <div className="w-full max-w-md space-y-5 rounded-2xl bg-surface p-8 text-center shadow-sm ring-1 ring-line">
        <div className="flex justify-center">
          <OrgMark name={branding.displayName} logoUrl={branding.logoUrl} />
        </div>
        <h1 className="text-xl font-semibold text-fg">You can&apos;t use {branding.displayName} yet</h1>
        <p className="text-fg-muted">
          Your account isn&apos;t in a group allowed to use {branding.displayName}. Ask your IT admin to add you to the right
          group, then sign in again.
        </p>
        {method === "oidc" ? (
          // The IdP still has this user signed in; ending that session lets someone else sign in here.
          <form action="/auth/signout" method="post">
            <button type="submit" className={buttonClasses("secondary")}>
              Sign out of {serverEnv().OIDC_DISPLAY_NAME}
            </button>
          </form>
        ) : (
          <Link href="/signin" className={buttonClasses("secondary")}>
            Back to sign in
          </Link>
        )}
      </div>
    </main>
  );
}
