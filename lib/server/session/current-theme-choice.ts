import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { parseThemeChoice, type ThemeChoice, themeCookieName } from "@/lib/domain/theme";
import { currentActor } from "@/lib/server/session/current-actor";
import { getThemeChoice } from "@/lib/server/users/get-theme-choice";

/**
 * The theme to render this request in: the cookie when the browser has one (no database read), else the signed-in
 * person's stored choice (a fresh browser), else "system". Cached per request: the layout and the header ask.
 */
export const currentThemeChoice = cache(async (): Promise<ThemeChoice> => {
  const fromCookie = parseThemeChoice((await cookies()).get(themeCookieName)?.value);
  if (fromCookie) return fromCookie;
  const actor = await currentActor();
  return actor ? getThemeChoice(actor) : "system";
});
