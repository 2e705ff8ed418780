import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now, one readable line each. */
async function violationsOf(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
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
      found.push(...(await violationsOf(page)).map((violation) => `${theme}: ${violation}`));
    }
  } finally {
    await page.emulateMedia({ colorScheme: null, contrast: null, reducedMotion: null });
  }
  return found;
}
