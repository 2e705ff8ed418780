"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { themeChoiceSchema, themeCookieName } from "@/lib/domain/theme";
import { authedAction } from "@/lib/server/actions/action-client";
import { setThemeChoice } from "@/lib/server/users/set-theme-choice";

const oneYearSeconds = 365 * 24 * 60 * 60;

/**
 * Stores the theme on the user, then mirrors it in a cookie that the root layout reads, so the next page is
 * rendered in it from the first byte (setting a cookie here also re-renders the current page with it). Not
 * secret, so not `secure`: it must also work on a plain-http dev or test stack.
 */
export const setThemeAction = authedAction.inputSchema(z.object({ theme: themeChoiceSchema })).action(async ({ ctx, parsedInput }) => {
  const theme = await setThemeChoice(ctx.actor, parsedInput.theme);
  (await cookies()).set(themeCookieName, theme, { path: "/", maxAge: oneYearSeconds, sameSite: "lax", httpOnly: true });
  return { theme };
});
