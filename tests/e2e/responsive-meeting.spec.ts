import { expect, test } from "@playwright/test";
import { createRoom, deleteRoom, joinMeeting } from "./support/meeting";
import { signedInPage } from "./support/sign-in";

/**
 * The lobby and the meeting on a phone (360×740): nothing overflows sideways, every control of the meeting's bar
 * is on screen and at least 44×44 px to touch (WCAG 2.5.5's size), and screenshots are kept with the results.
 */
const PHONE = { width: 360, height: 740 };
const MIN_TOUCH_PX = 44;

test("the lobby and the meeting on a phone: no sideways overflow, every control visible and big enough to touch", async ({ browser }, testInfo) => {
  const bob = await signedInPage(browser, "bob");
  const room = await createRoom(bob.page.request, `Phone ${Date.now().toString(36)}`);
  const { page } = bob;
  try {
    await page.setViewportSize(PHONE);
    await page.goto(`/rooms/${room.slug}?video=low`);
    await expect(page.getByTestId("prejoin-preview")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("phone-lobby.png"), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    await joinMeeting(bob, room, "low");
    await page.screenshot({ path: testInfo.outputPath("phone-meeting.png") });
    const controls = page.getByRole("toolbar", { name: "Meeting controls" }).getByRole("button");
    const sizes = await controls.evaluateAll((buttons) =>
      buttons
        .filter((button) => getComputedStyle(button).display !== "none")
        .map((button) => {
          const box = button.getBoundingClientRect();
          return { name: button.getAttribute("aria-label") ?? button.textContent?.trim() ?? "?", width: box.width, height: box.height, right: box.right, bottom: box.bottom };
        }),
    );
    expect(sizes.length).toBeGreaterThan(4);
    const problems = sizes.flatMap((size) => [
      ...(size.width < MIN_TOUCH_PX || size.height < MIN_TOUCH_PX ? [`${size.name}: ${Math.round(size.width)}×${Math.round(size.height)} px`] : []),
      ...(size.right > PHONE.width || size.bottom > PHONE.height ? [`${size.name}: off screen`] : []),
    ]);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  } finally {
    await deleteRoom(bob.page.request, room);
    await bob.context.close();
  }
});
