import { expect, type Locator, type Page } from "@playwright/test";
import { expectFramesAdvancing } from "./meeting";

/** The height of the camera picture a tile's <video> decodes. */
export const decodedHeight = (tile: Locator) => tile.locator("video").evaluate((video: HTMLVideoElement) => video.videoHeight);

/** Picks a send or receive quality in the Devices dialog, which stays open (its connection panel is inside). */
export async function chooseQuality(page: Page, label: "What you send" | "What you receive", option: string) {
  await page.getByRole("button", { name: "Devices" }).click();
  const dialog = page.getByRole("dialog", { name: "Devices" });
  await dialog.getByLabel(label).selectOption({ label: option });
  return dialog;
}

export async function closeDevices(page: Page) {
  await page.getByRole("dialog", { name: "Devices" }).getByRole("button", { name: "Close" }).click();
}

/** Audio only on `viewer`'s side: `tile` loses its video; "Show video" in the banner brings frames back. */
export async function expectAudioOnlyAndBack(viewer: Page, tile: Locator) {
  await chooseQuality(viewer, "What you receive", "Audio only");
  await closeDevices(viewer);
  await expect(viewer.getByTestId("audio-only")).toBeVisible();
  await expect(tile.locator("video")).toHaveCount(0);
  await viewer.getByTestId("audio-only").getByRole("button", { name: "Show video" }).click();
  await expectFramesAdvancing(tile);
}
