import type { JWT } from "@auth/core/jwt";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { appOrigin } from "@/lib/auth/app-origin";
import { signOut } from "@/lib/auth/auth";
import { endSessionUrl } from "@/lib/auth/end-session-url";
import { oidcDiscovery } from "@/lib/auth/oidc-discovery";
import { serverEnv, type ServerEnv } from "@/lib/config/server-env";
import { themeCookieName } from "@/lib/domain/theme";

/** The IdP's logout URL for a single sign-on session, or for no session at all (the refused page). */
async function idpSignOutUrl(env: ServerEnv, token: JWT | null, postLogoutRedirectUri: string) {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) return undefined;
  if (token && !token.idToken) return undefined; // an LDAP session: there is no IdP session to end
  const endSessionEndpoint = (await oidcDiscovery(env.OIDC_ISSUER))?.end_session_endpoint;
  if (!endSessionEndpoint) return undefined; // e.g. Google, which offers no RP-initiated logout
  return endSessionUrl({ endSessionEndpoint, clientId: env.OIDC_CLIENT_ID, postLogoutRedirectUri, idToken: token?.idToken });
}

/**
 * Ends the Confer session and, for single sign-on users, the IdP session too (RP-initiated logout), so the next
 * person at this browser is asked who they are.
 */
export async function POST(request: NextRequest) {
  // Only our own pages may sign a user out; a cross-site form post is refused.
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") {
    return NextResponse.json({ error: { code: "forbidden", message: "Sign out from Confer itself." } }, { status: 403 });
  }

  const env = serverEnv();
  const origin = appOrigin(request.headers, request.nextUrl.protocol, process.env.AUTH_URL);
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie: origin.startsWith("https:") });
  await signOut({ redirect: false });
  // The theme mirrors the person who leaves; whoever signs in next brings their own from the database.
  (await cookies()).delete(themeCookieName);

  const signedOutUrl = `${origin}/signin?signedOut=1`;
  return NextResponse.redirect((await idpSignOutUrl(env, token, signedOutUrl)) ?? signedOutUrl, 303);
}
