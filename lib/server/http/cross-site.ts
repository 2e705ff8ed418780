/** Methods that change nothing: a cross-site page may cause them (links, images) without harm. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a state-changing request must be refused as cross-site (CSRF), or null to let it through. Browsers say where
 * a request comes from: `Sec-Fetch-Site` (every current browser) is trusted first, then `Origin` against the
 * request's own host. SameSite=Lax cookies do not stop a same-site but other origin (another app on a sibling
 * host), so only `same-origin` passes, and `none` (typed into the address bar). A request with neither header
 * comes from no browser (curl, servers), which carries no one's cookies by itself.
 */
export function crossSiteRefusal(method: string, headers: Headers): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" || site === "none" ? null : `A ${site} request may not change anything here.`;
  const origin = headers.get("origin");
  if (origin === null) return null;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "A request from an opaque origin may not change anything here.";
  }
  return host !== null && originHost === host ? null : `A request from ${origin} may not change anything here.`;
}
