import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

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

/** Emulates `media` and waits until the page's media queries report it, so nothing is measured in the theme before. */
export async function emulateSystemTheme(page: Page, media: { colorScheme: "light" | "dark"; contrast: "no-preference" | "more" }): Promise<void> {
  await page.emulateMedia({ ...media, reducedMotion: "reduce" });
  await page.waitForFunction(
    ({ colorScheme, contrast }) => matchMedia(`(prefers-color-scheme: ${colorScheme})`).matches && matchMedia(`(prefers-contrast: ${contrast})`).matches,
    media,
  );
  // High contrast also changes geometry (2 px borders, a wider focus ring): floating menus reposition on the next
  // frames (ResizeObserver, then requestAnimationFrame), and axe must not measure them on the way.
  await page.evaluate(() => new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled))));
}

/**
 * The page audited in the light, dark and high-contrast themes, in turn, without reloading it. The person's choice
 * must be "System", or the emulated preferences would change nothing.
 */
export async function violationsInEveryTheme(page: Page): Promise<string[]> {
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  const found: string[] = [];
  try {
    for (const [theme, media] of Object.entries(themes)) {
      await emulateSystemTheme(page, media);
      found.push(...(await violationsOf(page, theme === "light" ? undefined : COLOUR_RULES)).map((violation) => `${theme}: ${violation}`));
    }
  } finally {
    await page.emulateMedia({ colorScheme: null, contrast: null, reducedMotion: null });
  }
  return found;
}
