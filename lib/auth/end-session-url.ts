/**
 * The RP-initiated logout URL (OpenID Connect RP-Initiated Logout 1.0). `client_id` goes along because some
 * IdPs (Keycloak) require it when the ID token hint is missing or expired.
 */
export function endSessionUrl(options: {
  endSessionEndpoint: string;
  clientId: string;
  postLogoutRedirectUri: string;
  idToken?: string;
}): string {
  const url = new URL(options.endSessionEndpoint);
  if (options.idToken) url.searchParams.set("id_token_hint", options.idToken);
  url.searchParams.set("client_id", options.clientId);
  url.searchParams.set("post_logout_redirect_uri", options.postLogoutRedirectUri);
  return url.toString();
}
