import { brandingInputSchema } from "@/lib/domain/branding/branding-input";
import { resetBranding } from "@/lib/server/branding/reset-branding";
import { updateBranding } from "@/lib/server/branding/update-branding";
import { apiRoute } from "@/lib/server/http/api-route";

/** Name, sign-in message and colours (admins only; low-contrast colours come back as 400 with the ratio). */
export const PUT = apiRoute({ body: brandingInputSchema }, async ({ actor, body }) => {
  await updateBranding(actor, body);
  return { saved: true };
});

/** Back to a fresh install's branding: ORG_NAME, built-in colours, no logo or message. */
export const DELETE = apiRoute({}, async ({ actor }) => {
  await resetBranding(actor);
  return { reset: true };
});
