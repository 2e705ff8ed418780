import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { createRoom, deleteRoom, joinMeeting } from "./support/meeting";
import { signedInPage } from "./support/sign-in";

/**
 * axe-core over the app's pages, as an admin sees them (an admin sees every page): WCAG 2.0 and 2.1, levels A and
 * AA. Each page and meeting state must have no violation at all.
 */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function violationsOf(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

test("the sign-in page has no WCAG 2.1 AA violation", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: /^Sign in with/ }).first()).toBeVisible();
  expect(await violationsOf(page)).toEqual([]);
});

test("every page an admin can open has no WCAG 2.1 AA violation", async ({ browser }) => {
  const alice = await signedInPage(browser, "alice");
  const room = await createRoom(alice.page.request, `Audit ${Date.now().toString(36)}`);
  try {
    const pages: [string, string][] = [
      ["dashboard", "/"],
      ["templates", "/templates"],
      ["new template", "/templates/new"],
      ["schedule a meeting", "/schedules/new"],
      ["meeting history", "/meetings"],
      ["recordings", "/recordings"],
      ["room settings", `/rooms/${room.slug}/settings`],
      ["meeting lobby", `/rooms/${room.slug}?video=low`],
      ["analytics overview", "/admin"],
      ["meetings report list", "/admin/meetings"],
      ["alerts", "/admin/alerts"],
    ];
    const found: string[] = [];
    for (const [name, path] of pages) {
      const response = await alice.page.goto(path);
      expect(response?.status(), `${name} (${path})`).toBe(200);
      await alice.page.waitForLoadState("networkidle");
      found.push(...(await violationsOf(alice.page)).map((violation) => `${name}: ${violation}`));
    }
    expect(found).toEqual([]);
  } finally {
    await deleteRoom(alice.page.request, room);
    await alice.context.close();
  }
});

test("the meeting, alone in it, with each panel, menu and dialog open, has no WCAG 2.1 AA violation", async ({ browser }) => {
  const bob = await signedInPage(browser, "bob");
  const room = await createRoom(bob.page.request, `Audit meeting ${Date.now().toString(36)}`);
  const { page } = bob;
  try {
    await joinMeeting(bob, room, "low");
    const found: string[] = [];
    const audit = async (state: string) => found.push(...(await violationsOf(page)).map((violation) => `${state}: ${violation}`));
    await audit("in the meeting");
    await page.getByRole("button", { name: "Chat" }).click();
    await expect(page.getByRole("textbox", { name: /message/i })).toBeVisible();
    await audit("chat open");
    await page.getByRole("button", { name: "Participants" }).click();
    await expect(page.getByRole("list", { name: "Participants" })).toBeVisible();
    await audit("participants open");
    await page.getByRole("button", { name: "Host controls" }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await audit("host controls menu open");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Layout" }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await audit("layout menu open");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Devices" }).click();
    await expect(page.getByRole("dialog", { name: "Devices" })).toBeVisible();
    await audit("devices dialog open");
    await page.getByRole("dialog", { name: "Devices" }).getByRole("button", { name: "Close" }).click();
    await page.getByRole("button", { name: "Leave" }).click();
    await audit("after leaving");
    expect(found).toEqual([]);
  } finally {
    await deleteRoom(bob.page.request, room);
    await bob.context.close();
  }
});
