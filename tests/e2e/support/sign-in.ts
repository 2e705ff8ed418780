import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";
import { loadDemoDirectory } from "../../../scripts/dev-idp/directory";

const { password } = loadDemoDirectory();

/**
 * Each user signs in through the IdP once per run; later tests start from that session (cookies of the app and
 * the IdP). Keyed by the stack's AUTH_SECRET, so a session of an earlier run is never offered to this one.
 */
const sessionsFolder = join("test-results", "e2e-sessions", createHash("sha256").update(process.env.AUTH_SECRET ?? "no-secret").digest("hex").slice(0, 12));
const sessionFile = (username: string) => join(sessionsFolder, `${username}.json`);

async function saveSession(context: BrowserContext, username: string): Promise<void> {
  mkdirSync(sessionsFolder, { recursive: true });
  // Written aside and renamed: another worker may be reading it.
  const partial = `${sessionFile(username)}.${process.pid}.partial`;
  // Cookies only: nothing a page kept in localStorage may leak from one test into another.
  const { cookies } = await context.storageState();
  writeFileSync(partial, JSON.stringify({ cookies, origins: [] }));
  renameSync(partial, sessionFile(username));
}

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

/**
 * One browser context per person: IdP sessions and media never mix between participants. Signing in to the
 * dashboard reuses the user's session from earlier in the run when it is still good (one page load instead of
 * four); any other path goes through the IdP, as following a link while signed out does.
 */
export async function signedInPage(browser: Browser, username: string, path = "/", options: ContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const saved = path === "/" && existsSync(sessionFile(username)) ? sessionFile(username) : undefined;
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write", "camera", "microphone"], ...options, storageState: saved });
  const page = await context.newPage();
  if (saved) {
    await page.goto(path);
    if (await page.getByTestId("signed-in-user").isVisible()) return { context, page };
  }
  await signInWithSso(page, username, path);
  if (path === "/") await saveSession(context, username);
  return { context, page };
}

/**
 * Signs several people in at once, each in their own context. Call it before anyone joins a call: a sign-in is a
 * few page loads, cheap on an idle machine and 3–5 s each on two cores busy with video (docs/testing.md).
 */
export function signInEveryone(browser: Browser, usernames: string[], path = "/", options: ContextOptions = {}): Promise<{ context: BrowserContext; page: Page }[]> {
  return Promise.all(usernames.map((username) => signedInPage(browser, username, path, options)));
}
