import { expect, test } from "@playwright/test";
import { violationsInEveryTheme } from "./support/axe";
import { createRoom, deleteRoom, joinMeeting } from "./support/meeting";
import { signedInPage } from "./support/sign-in";

/**
 * axe-core (WCAG 2.0/2.1, A and AA) over the meeting's states, with its camera on: in the `media` project, so it
 * never runs beside another call. Each state is audited in the light, dark and high-contrast themes.
 */
test("the meeting, alone in it, with each panel, menu and dialog open, has no WCAG 2.1 AA violation", async ({ browser }) => {
  const bob = await signedInPage(browser, "bob");
  const room = await createRoom(bob.page.request, `Audit meeting ${Date.now().toString(36)}`);
  const { page } = bob;
  try {
    await joinMeeting(bob, room, "low");
    const found: string[] = [];
    const audit = async (state: string) => found.push(...(await violationsInEveryTheme(page)).map((violation) => `${state}: ${violation}`));
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
