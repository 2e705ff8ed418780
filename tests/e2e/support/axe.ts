import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * The rules whose outcome depends on colour. A theme changes colours only (the DOM is the same), so after the full
 * audit in the light theme the others run just these.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/** axe-core's violations on the page as it is now (all WCAG 2.0/2.1 A and AA rules, or just `rules`), one line each. */
async function violationsOf(page: Page, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const { violations } = await (rules ? builder.withRules(rules) : builder.withTags(WCAG_21_AA)).analyze();
  return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/**
 * The system preferences that draw each theme for someone whose choice is "System" (the default). Reduced motion
 * too, so colour transitions end at once and axe never measures a colour half-way.
 */
const themes = {
  light: { colorScheme: "light", contrast: "no-preference" },
  dark: { colorScheme: "dark", contrast: "no-preference" },
  "high contrast": { colorScheme: "light", contrast: "more" },
} as const;

/** The page audited in the light, dark and high-contrast themes, in turn, without reloading it. */
export async function violationsInEveryTheme(page: Page): Promise<string[]> {
  const found: string[] = [];
  try {
    for (const [theme, media] of Object.entries(themes)) {
      await page.emulateMedia({ ...media, reducedMotion: "reduce" });
      found.push(...(await violationsOf(page, theme === "light" ? undefined : COLOUR_RULES)).map((violation) => `${theme}: ${violation}`));
    }
  } finally {
    await page.emulateMedia({ colorScheme: null, contrast: null, reducedMotion: null });
  }
  return found;
}
