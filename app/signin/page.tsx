import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { LdapSignInForm } from "@/components/auth/ldap-sign-in-form";
import { OidcSignInForm } from "@/components/auth/oidc-sign-in-form";
import { OrgMark } from "@/components/auth/org-mark";
import { auth } from "@/lib/auth/auth";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { serverEnv } from "@/lib/config/server-env";
import { currentBranding } from "@/lib/server/branding/current-branding";
import { signInWithLdap, signInWithOidc } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

const searchParamsSchema = z.object({
  callbackUrl: z.string().optional().catch(undefined),
  signedOut: z.literal("1").optional().catch(undefined),
  error: z.string().max(64).optional().catch(undefined),
  code: z.string().max(64).optional().catch(undefined),
});

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const params = searchParamsSchema.parse(await searchParams);
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if ((await auth())?.user?.id) redirect(callbackPath);

  const env = serverEnv();
  const branding = await currentBranding();
  const oidcEnabled = Boolean(env.OIDC_ISSUER);
  const ldapEnabled = Boolean(env.LDAP_URL && env.LDAP_USER_BASE_DN);
  const errorMessage = signInErrorMessage(params.error, env.OIDC_DISPLAY_NAME, params.code);

  return (
    <main id="main" className="grid min-h-screen place-items-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6 rounded-2xl bg-surface p-8 shadow-sm ring-1 ring-line">
        <div className="flex flex-col items-center gap-3 text-center">
          <OrgMark name={branding.displayName} logoUrl={branding.logoUrl} />
          <h1 className="text-xl font-semibold text-fg">Sign in to {branding.displayName}</h1>
          <p className="text-sm text-fg-muted">Use your work account.</p>
          {branding.signInMessage ? (
            <p data-testid="sign-in-message" className="whitespace-pre-line border-l-4 border-accent-700 bg-surface-muted px-3 py-2 text-left text-sm text-fg">
              {branding.signInMessage}
            </p>
          ) : null}
        </div>

        {params.signedOut ? (
          <p role="status" className="rounded-md border border-success-line bg-success-soft px-3 py-2 text-sm text-success-fg">
            You&apos;re signed out.
          </p>
        ) : null}
        {errorMessage ? (
          <p role="alert" className="rounded-md border border-danger-line bg-danger-soft px-3 py-2 text-sm text-danger-fg">
            {errorMessage}
          </p>
        ) : null}

        {oidcEnabled ? (
          <OidcSignInForm action={signInWithOidc} displayName={env.OIDC_DISPLAY_NAME} callbackPath={callbackPath} />
        ) : null}
        {oidcEnabled && ldapEnabled ? (
          <div className="flex items-center gap-3 text-xs uppercase text-fg-muted" aria-hidden>
            <span className="h-px flex-1 bg-surface-strong" />
            or
            <span className="h-px flex-1 bg-surface-strong" />
          </div>
        ) : null}
        {ldapEnabled ? (
          <LdapSignInForm action={signInWithLdap} displayName={env.LDAP_DISPLAY_NAME} callbackPath={callbackPath} />
        ) : null}
        {!oidcEnabled && !ldapEnabled ? (
          <p className="text-sm text-fg-muted">No sign-in method is set up yet. Ask your IT admin.</p>
        ) : null}
      </div>
    </main>
  );
}
