import { type Browser, expect, test } from "@playwright/test";
import { violationsOf } from "./support/axe";
import { createRoom, deleteRoom } from "./support/meeting";
import { signedInPage } from "./support/sign-in";

/**
 * axe-core over the app's pages, as an employee and as an admin sees them: WCAG 2.0 and 2.1, levels A and AA.
 * Each page must have no violation at all (the meeting's states: accessibility-meeting.spec.ts).
 */

test("the sign-in page has no WCAG 2.1 AA violation", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: /^Sign in with/ }).first()).toBeVisible();
  expect(await violationsOf(page)).toEqual([]);
});

/** Opens each page as `username`, waits for it to settle, and collects every violation, named by page. */
async function auditPages(browser: Browser, username: string, pages: (slug: string) => [string, string][]) {
  const person = await signedInPage(browser, username);
  const room = await createRoom(person.page.request, `Audit ${Date.now().toString(36)}`);
  try {
    const found: string[] = [];
    for (const [name, path] of pages(room.slug)) {
      const response = await person.page.goto(path);
      expect(response?.status(), `${name} (${path})`).toBe(200);
      await person.page.waitForLoadState("networkidle");
      found.push(...(await violationsOf(person.page)).map((violation) => `${name}: ${violation}`));
    }
    expect(found).toEqual([]);
  } finally {
    await deleteRoom(person.page.request, room);
    await person.context.close();
  }
}

// Split in two so that each stays well inside the test timeout on a loaded machine (≈ 1 min together).
test("every page an employee opens has no WCAG 2.1 AA violation", async ({ browser }) => {
  await auditPages(browser, "bob", (slug) => [
    ["dashboard", "/"],
    ["templates", "/templates"],
    ["new template", "/templates/new"],
    ["schedule a meeting", "/schedules/new"],
    ["meeting history", "/meetings"],
    ["recordings", "/recordings"],
    ["room settings", `/rooms/${slug}/settings`],
    ["meeting lobby", `/rooms/${slug}?video=low`],
  ]);
});

test("the admin pages have no WCAG 2.1 AA violation", async ({ browser }) => {
  await auditPages(browser, "alice", () => [
    ["dashboard (admin)", "/"],
    ["analytics overview", "/admin"],
    ["meetings report list", "/admin/meetings"],
    ["alerts", "/admin/alerts"],
  ]);
});
