import { expect, type Page, test } from "@playwright/test";
import { prisma } from "../../lib/db/prisma";
import { emulateSystemTheme } from "./support/axe";
import { signedInPage } from "./support/sign-in";

/** The page background: the `canvas` token of the theme the page is drawn in (app/globals.css). */
const canvas = { light: "rgb(248, 250, 252)", dark: "rgb(2, 6, 23)", contrast: "rgb(255, 255, 255)" };
const backgroundOf = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

// Dan, because no accessibility audit signs in as him: the audits rely on their people's choice being "System".
const danEmail = "dan@confer.test";

test("a picked theme is kept per person: every page renders in it from the server, in any browser they sign in from", async ({ browser }) => {
  const dan = await signedInPage(browser, "dan");
  try {
    const { page, context } = dan;
    await page.getByLabel("Theme").selectOption("dark");
    await expect.poll(async () => (await context.cookies()).find((cookie) => cookie.name === "confer-theme")?.value).toBe("dark");

    await page.reload();
    expect(await backgroundOf(page)).toBe(canvas.dark);
    await page.goto("/meetings");
    expect(await backgroundOf(page)).toBe(canvas.dark);
    // In the HTML itself, so the first paint is already dark: nothing to flash.
    expect(await (await page.request.get("/templates")).text()).toContain('data-theme="dark"');

    // A fresh browser, signed in through the identity provider: no cookie, the choice comes with the person.
    const elsewhere = await signedInPage(browser, "dan", "/recordings");
    try {
      expect((await elsewhere.context.cookies()).some((cookie) => cookie.name === "confer-theme")).toBe(false);
      expect(await backgroundOf(elsewhere.page)).toBe(canvas.dark);
      await expect(elsewhere.page.getByLabel("Theme")).toHaveValue("dark");
    } finally {
      await elsewhere.context.close();
    }

    // "System" follows the browser's preferences, more contrast winning over dark.
    await page.getByLabel("Theme").selectOption("system");
    await expect.poll(async () => (await context.cookies()).find((cookie) => cookie.name === "confer-theme")?.value).toBe("system");
    await page.reload();
    await emulateSystemTheme(page, { colorScheme: "light", contrast: "no-preference" });
    expect(await backgroundOf(page)).toBe(canvas.light);
    await emulateSystemTheme(page, { colorScheme: "dark", contrast: "no-preference" });
    expect(await backgroundOf(page)).toBe(canvas.dark);
    await emulateSystemTheme(page, { colorScheme: "dark", contrast: "more" });
    expect(await backgroundOf(page)).toBe(canvas.contrast);
    expect((await prisma.user.findFirstOrThrow({ where: { email: danEmail }, select: { theme: true } })).theme).toBe("SYSTEM");

    // Signing out forgets the cookie: the next person at this browser brings their own choice.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("button", { name: /^Sign in with/ }).first()).toBeVisible();
    expect((await context.cookies()).some((cookie) => cookie.name === "confer-theme")).toBe(false);
  } finally {
    await prisma.user.updateMany({ where: { email: danEmail }, data: { theme: "SYSTEM" } });
    await dan.context.close();
  }
});
