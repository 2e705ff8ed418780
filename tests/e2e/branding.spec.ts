import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { parseHex } from "../../lib/domain/branding/contrast";
import { worstContrast } from "../../lib/domain/branding/brand-color";
import { violationsInEveryTheme } from "./support/axe";
import { signedInPage } from "./support/sign-in";

/**
 * An admin brands the organization at /admin/branding; an employee (another context) and a signed-out visitor
 * see it at once. Branding is one setting for the whole installation, so this spec runs in its own Playwright
 * project after every other one (playwright.config.ts): no other spec's page, audit or screenshot can see a
 * changed brand mid-run. It restores the defaults at the end, whatever happens.
 */

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const rgb = (hex: string) => {
  const { r, g, b } = parseHex(hex);
  return `rgb(${r}, ${g}, ${b})`;
};
const brandVariable = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--color-brand-700").trim());

test("an admin brands the organization and everyone sees it, then restores the defaults", async ({ browser }) => {
  const name = `Initech ${randomUUID().slice(0, 6)}`;
  const alice = await signedInPage(browser, "alice");
  try {
    const admin = alice.page;
    await admin.goto("/admin/branding");
    await expect(admin.getByRole("heading", { name: "Branding", level: 1 })).toBeVisible();
    const defaultName = await admin.getByLabel("Organization name").inputValue();

    await admin.getByLabel("Organization name").fill(name);
    await admin.getByLabel("Sign-in page message").fill(`Welcome to ${name}.`);
    // Too light for white text: refused with its ratio, tied to the field, and a passing shade offered.
    await admin.getByRole("textbox", { name: "Primary colour", exact: true }).fill("#ffb000");
    await admin.getByRole("button", { name: "Save branding" }).click();
    const primary = admin.getByRole("textbox", { name: "Primary colour", exact: true });
    await expect(primary).toHaveAttribute("aria-invalid", "true");
    await expect(primary).toHaveAccessibleDescription(/The primary colour #ffb000 has a contrast ratio of 1\.\d\d:1 against the page background; WCAG AA needs 4\.5:1/);
    expect(await violationsInEveryTheme(admin)).toEqual([]);
    await admin.getByRole("button", { name: /^Use #[0-9a-f]{6} instead$/ }).click();
    const colour = await primary.inputValue();
    expect(worstContrast(colour).ratio).toBeGreaterThanOrEqual(4.5);
    await admin.getByRole("button", { name: "Save branding" }).click();
    await expect(admin.getByText("Branding saved")).toBeVisible();
    await expect(admin.getByTestId("org-name")).toHaveText(name);

    // An SVG is refused (it can carry script); a PNG becomes the logo.
    const logoFile = admin.getByLabel("Logo file");
    await logoFile.setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: SVG });
    await admin.getByRole("button", { name: "Upload logo" }).click();
    await expect(logoFile).toHaveAccessibleDescription(/SVG is not accepted/);
    await logoFile.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG });
    await admin.getByRole("button", { name: "Upload logo" }).click();
    await expect(admin.getByRole("img", { name: "Current logo" })).toBeVisible();

    // An employee, in a context of their own: name, logo and colour on the dashboard.
    const bob = await signedInPage(browser, "bob");
    try {
      await expect(bob.page.getByTestId("org-name")).toHaveText(name);
      await expect(bob.page).toHaveTitle(name);
      const logo = bob.page.getByTestId("org-logo");
      await expect(logo).toHaveAttribute("src", /^\/branding\/logo\?v=[0-9a-f]{16}$/);
      await expect.poll(() => logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1);
      expect(await brandVariable(bob.page)).toBe(colour);
      await expect(bob.page.getByRole("button", { name: "Create room" })).toHaveCSS("background-color", rgb(colour));
      expect(await violationsInEveryTheme(bob.page)).toEqual([]);
    } finally {
      await bob.context.close();
    }

    // A visitor who is not signed in: the sign-in page.
    const visitor = await browser.newContext();
    try {
      const page = await visitor.newPage();
      await page.goto("/signin");
      await expect(page.getByRole("heading", { name: `Sign in to ${name}` })).toBeVisible();
      await expect(page.getByTestId("sign-in-message")).toHaveText(`Welcome to ${name}.`);
      await expect(page.getByTestId("org-logo")).toBeVisible();
      await expect(page).toHaveTitle(`Sign in · ${name}`);
      expect(await brandVariable(page)).toBe(colour);
      expect(await violationsInEveryTheme(page)).toEqual([]);
    } finally {
      await visitor.close();
    }

    await admin.getByRole("button", { name: "Restore defaults" }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Restore defaults" }).click();
    await expect(admin.getByLabel("Organization name")).toHaveValue(defaultName);
    await expect(admin.getByTestId("org-name")).toHaveText(defaultName);
    await expect(admin.getByTestId("org-initial")).toBeVisible();
  } finally {
    // Whatever failed above, the rest of the run (and the next) starts from the defaults.
    expect((await alice.page.request.delete("/api/admin/branding")).ok()).toBe(true);
    await alice.context.close();
  }
});
