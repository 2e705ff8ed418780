import { removeBrandingLogo } from "@/lib/server/branding/remove-branding-logo";
import { setBrandingLogo } from "@/lib/server/branding/set-branding-logo";
import { apiRoute } from "@/lib/server/http/api-route";
import { AppError } from "@/lib/server/http/app-error";

/** The logo as the raw body, with its Content-Length (so an oversized one is refused before it is read). */
export const PUT = apiRoute({}, async ({ actor, request }) => {
  const length = request.headers.get("content-length");
  if (length === null || !/^\d+$/.test(length)) throw new AppError("invalid_request", "Send the logo with its Content-Length.");
  if (!request.body) throw new AppError("invalid_request", "The request has no file.");
  return setBrandingLogo(actor, { size: Number(length), body: request.body });
});

export const DELETE = apiRoute({}, async ({ actor }) => {
  await removeBrandingLogo(actor);
  return { removed: true };
});
