export type RouteAccess = "allow" | "reject-api" | "redirect-to-signin";

/** `/api/internal/*` is server-to-server: no session, but every handler there verifies a signature or secret itself. */
const publicPrefixes = ["/signin/", "/auth/", "/api/auth/", "/api/internal/", "/_next/"];
/** `/branding/logo`: the organization's logo, which the sign-in page shows before anyone signs in. */
const publicExactPaths = new Set(["/signin", "/api/health", "/branding/logo", "/favicon.ico", "/robots.txt"]);
/** Files served from `public/` (logos, fonts, media models); none of them is private. */
const staticAssetPattern = /\.(ico|png|svg|jpe?g|gif|webp|avif|txt|xml|webmanifest|woff2?|wasm|tflite|binarypb)$/i;

export function isPublicPath(pathname: string): boolean {
  if (publicExactPaths.has(pathname) || publicPrefixes.some((prefix) => pathname.startsWith(prefix))) return true;
  return !pathname.startsWith("/api/") && staticAssetPattern.test(pathname);
}

/** What the proxy does with a request: everything but sign-in pages, auth endpoints and assets needs a session. */
export function routeAccess(pathname: string, signedIn: boolean): RouteAccess {
  if (signedIn || isPublicPath(pathname)) return "allow";
  return pathname === "/api" || pathname.startsWith("/api/") ? "reject-api" : "redirect-to-signin";
}
