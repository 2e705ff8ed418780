import "server-only";
import type { OIDCConfig } from "next-auth/providers";
import type { ServerEnv } from "@/lib/config/server-env";
import { groupsFromClaims, identityFromClaims } from "@/lib/auth/oidc-claims";
import { oidcDiscovery } from "@/lib/auth/oidc-discovery";
import { oidcScopes } from "@/lib/auth/oidc-scopes";

type OidcEnv = Pick<
  ServerEnv,
  "OIDC_ISSUER" | "OIDC_CLIENT_ID" | "OIDC_CLIENT_SECRET" | "OIDC_DISPLAY_NAME" | "OIDC_GROUPS_CLAIM" | "OIDC_SCOPES"
>;

/**
 * Groups from the userinfo endpoint, for IdPs that leave them out of the ID token (Okta's org server without a
 * custom claim, Keycloak with the mapper on userinfo only). The userinfo `sub` must be the ID token's.
 */
async function userinfoGroups(issuer: string, accessToken: string | undefined, subject: string, claimName: string) {
  const endpoint = (await oidcDiscovery(issuer))?.userinfo_endpoint;
  if (!endpoint || !accessToken) return undefined;
  const response = await fetch(endpoint, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
    signal: AbortSignal.timeout(5_000),
  });
  if (!response.ok) return undefined;
  const claims: unknown = await response.json();
  return identityFromClaims(claims).subject === subject ? groupsFromClaims(claims, claimName) : undefined;
}

/** A standard OpenID Connect provider: the same code serves Okta, Entra ID, Keycloak, Google and the dev IdP. */
export async function oidcProvider(env: OidcEnv): Promise<OIDCConfig<Record<string, unknown>> | undefined> {
  const issuer = env.OIDC_ISSUER;
  if (!issuer) return undefined;
  const discovery = await oidcDiscovery(issuer);
  return {
    id: "oidc",
    name: env.OIDC_DISPLAY_NAME,
    type: "oidc",
    issuer,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    checks: ["pkce", "state"],
    authorization: { params: { scope: oidcScopes(env.OIDC_SCOPES, discovery?.scopes_supported) } },
    async profile(claims, tokens) {
      const identity = identityFromClaims(claims);
      const groups =
        groupsFromClaims(claims, env.OIDC_GROUPS_CLAIM) ??
        (await userinfoGroups(issuer, tokens.access_token, identity.subject, env.OIDC_GROUPS_CLAIM)) ??
        [];
      return { id: identity.subject, name: identity.name, email: identity.email, groups };
    },
  };
}
