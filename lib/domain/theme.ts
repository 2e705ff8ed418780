import { z } from "zod";

/** What a person can pick. "system" follows the browser (prefers-color-scheme, prefers-contrast). */
export const themeChoices = ["system", "light", "dark", "contrast"] as const;
export type ThemeChoice = (typeof themeChoices)[number];

/** What is drawn: one of the three token sets in app/globals.css. */
export type Theme = Exclude<ThemeChoice, "system">;

export const themeChoiceSchema = z.enum(themeChoices);

/** The browser's wishes, as the media queries report them. */
export type SystemPreferences = { prefersDark: boolean; prefersMoreContrast: boolean };

/** The cookie that mirrors the stored choice, so the server renders the right theme on the first paint. */
export const themeCookieName = "confer-theme";

/**
 * The theme a choice draws. Mirrors the `theme-dark` / `theme-contrast` variants in app/globals.css: a request for
 * more contrast wins over dark, because the high-contrast theme is the one that meets it.
 */
export function resolveTheme(choice: ThemeChoice, system: SystemPreferences): Theme {
  if (choice !== "system") return choice;
  if (system.prefersMoreContrast) return "contrast";
  return system.prefersDark ? "dark" : "light";
}

/** A cookie value read as a choice, or null when it is absent or not one (stale or forged). */
export function parseThemeChoice(value: string | undefined): ThemeChoice | null {
  const parsed = themeChoiceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
