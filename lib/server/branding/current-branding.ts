import "server-only";
import { cache } from "react";
import { serverEnv } from "@/lib/config/server-env";
import { prisma } from "@/lib/db/prisma";
import { DEFAULT_ACCENT_COLOR, DEFAULT_PRIMARY_COLOR } from "@/lib/domain/branding/branding-input";
import { deriveScale, scaleVariables } from "@/lib/domain/branding/shades";

export const BRANDING_ID = "org";
export const LOGO_PATH = "/branding/logo";

export type Branding = {
  readonly displayName: string;
  readonly signInMessage: string | null;
  readonly primaryColor: string;
  readonly accentColor: string;
  /** Versioned by the logo's hash, so a new logo is a new URL. */
  readonly logoUrl: string | null;
  /** The `<style>` that overrides the theme's brand variables; null while the built-in colours apply. */
  readonly style: string | null;
};

/**
 * The organization's branding as it stands: the admin's row over the environment's defaults (ORG_NAME, the
 * built-in palette). Read per request (one primary-key lookup, shared by everything rendering that request), so
 * a change shows on the next page load of every instance, with no restart and no stale cache.
 */
export const currentBranding = cache(async (): Promise<Branding> => {
  const row = await prisma.organizationBranding.findUnique({ where: { id: BRANDING_ID } });
  const primaryColor = row?.primaryColor ?? DEFAULT_PRIMARY_COLOR;
  const accentColor = row?.accentColor ?? DEFAULT_ACCENT_COLOR;
  const customColors = primaryColor !== DEFAULT_PRIMARY_COLOR || accentColor !== DEFAULT_ACCENT_COLOR;
  return {
    displayName: row?.displayName ?? serverEnv().ORG_NAME,
    signInMessage: row?.signInMessage ?? null,
    primaryColor,
    accentColor,
    logoUrl: row?.logoSha256 ? `${LOGO_PATH}?v=${row.logoSha256.slice(0, 16)}` : null,
    style: customColors ? `:root{${scaleVariables("brand", deriveScale(primaryColor))}${scaleVariables("accent", deriveScale(accentColor))}}` : null,
  };
});
