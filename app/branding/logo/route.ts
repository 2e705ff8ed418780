import { openBrandingLogo } from "@/lib/server/branding/open-branding-logo";

export const dynamic = "force-dynamic";

/**
 * The organization's logo, public (the sign-in page shows it). Pages link it with `?v=<hash>`, so a new logo is
 * a new URL; the short max-age plus the ETag keeps an unversioned link fresh within minutes at the cost of a 304.
 * The stored bytes were typed at upload (raster only); nosniff and a CSP that allows nothing keep it an image.
 */
export async function GET(request: Request): Promise<Response> {
  const logo = await openBrandingLogo();
  if (!logo) return new Response("No logo.", { status: 404, headers: { "cache-control": "no-cache" } });
  const headers = {
    "content-type": logo.type,
    etag: `"${logo.sha256}"`,
    "cache-control": "public, max-age=300",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cross-origin-resource-policy": "same-origin",
  };
  if (request.headers.get("if-none-match") === headers.etag) return new Response(null, { status: 304, headers });
  const content = await logo.read();
  if (!content) return new Response("No logo.", { status: 404, headers: { "cache-control": "no-cache" } });
  return new Response(content.body, { headers: { ...headers, "content-length": String(content.size) } });
}
