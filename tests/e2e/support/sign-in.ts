import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";
import { loadDemoDirectory } from "../../../scripts/dev-idp/directory";

const { password } = loadDemoDirectory();

/** A browser launched by the spec itself (its own fake camera) needs the app's URL: the config's `use` is not applied. */
type ContextOptions = { baseURL?: string };

/** Signs a demo user in through the bundled OIDC provider, the way a person does. */
export async function signInWithSso(page: Page, username: string, path = "/"): Promise<void> {
  await page.goto(path);
  await page.getByRole("button", { name: /^Sign in with/ }).first().click();
  await expect(page.getByRole("heading", { name: "Confer dev identity provider" })).toBeVisible();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
}

/** One browser context per person: IdP sessions and media never mix between participants. */
export async function signedInPage(browser: Browser, username: string, path = "/", options: ContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write", "camera", "microphone"], ...options });
  const page = await context.newPage();
  await signInWithSso(page, username, path);
  return { context, page };
}

/**
 * Signs several people in at once, each in their own context. Call it before anyone joins a call: a sign-in is a
 * few page loads, cheap on an idle machine and 3–5 s each on two cores busy with video (docs/testing.md).
 */
export function signInEveryone(browser: Browser, usernames: string[], path = "/", options: ContextOptions = {}): Promise<{ context: BrowserContext; page: Page }[]> {
  return Promise.all(usernames.map((username) => signedInPage(browser, username, path, options)));
}
