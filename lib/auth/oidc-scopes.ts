const baseScopes = "openid profile email";

/**
 * The scopes to request: the configured ones, else the standard three plus `groups` when the IdP advertises
 * that scope. Asking for a scope the IdP does not know fails the sign-in at Google, Entra ID and Keycloak.
 */
export function oidcScopes(configured: string | undefined, scopesSupported: readonly string[] | undefined): string {
  if (configured?.trim()) return configured.trim();
  return scopesSupported?.includes("groups") ? `${baseScopes} groups` : baseScopes;
}
