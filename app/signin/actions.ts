"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { LdapSignInState } from "@/components/auth/ldap-sign-in-form";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { ldapCredentialsSchema } from "@/lib/auth/ldap-credentials";
import { DirectoryUnavailable, SignInLocked } from "@/lib/auth/providers/ldap";
import { SIGN_IN_LOCKED_MESSAGE } from "@/lib/server/rate-limit/limits";

// A missing or malformed callback falls back to the home page rather than failing the sign-in.
const callbackSchema = z.object({ callbackUrl: z.string().max(2_048).optional().catch(undefined) });

export async function signInWithOidc(formData: FormData): Promise<void> {
  const { callbackUrl } = callbackSchema.parse(Object.fromEntries(formData));
  const callbackPath = safeCallbackPath(callbackUrl);
  try {
    await signIn("oidc", { redirectTo: callbackPath });
  } catch (error) {
    // Anything but an Auth.js error is the redirect to the IdP, which Next.js delivers by throwing.
    if (!(error instanceof AuthError)) throw error;
    redirect(`/signin?${new URLSearchParams({ error: "OidcUnavailable", callbackUrl: callbackPath })}`);
  }
}

export async function signInWithLdap(_previous: LdapSignInState, formData: FormData): Promise<LdapSignInState> {
  const fields = Object.fromEntries(formData);
  const username = typeof fields.username === "string" ? fields.username.slice(0, 256) : "";
  const credentials = ldapCredentialsSchema.safeParse(fields);
  if (!credentials.success) return { error: "Enter your username and password.", username };
  const { callbackUrl } = callbackSchema.parse(fields);
  try {
    await signIn("ldap", { ...credentials.data, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof DirectoryUnavailable) {
      return { error: "The directory can't be reached right now. Try again in a minute.", username };
    }
    if (error instanceof SignInLocked) return { error: SIGN_IN_LOCKED_MESSAGE, username };
    if (error instanceof AuthError) return { error: "Wrong username or password.", username };
    throw error;
  }
  return { error: null, username };
}
