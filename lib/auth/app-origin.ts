/**
 * The origin browsers use to reach the app, found the way Auth.js finds it (`AUTH_URL`, else the forwarded or
 * direct host), so links we build agree with the redirect URIs Auth.js registers at the IdP.
 */
export function appOrigin(headers: Headers, requestProtocol: string, authUrl: string | undefined): string {
  if (authUrl) return new URL(authUrl).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const protocol = (headers.get("x-forwarded-proto") ?? requestProtocol).replace(/:$/, "");
  return new URL(`${protocol}://${host}`).origin;
}
