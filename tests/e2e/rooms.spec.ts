import { expect, test } from "@playwright/test";
import { signedInPage } from "./support/sign-in";

test("a host creates a room, a colleague joins it through the link, and the host deletes it", async ({ browser }) => {
  const bob = await signedInPage(browser, "bob");
  const roomName = `E2E room ${Date.now().toString(36)}`;

  await bob.page.getByLabel("Name").fill(roomName);
  await bob.page.getByLabel("Description (optional)").fill("Created by the browser test");
  await bob.page.getByRole("button", { name: "Create room" }).click();
  await expect(bob.page.getByRole("heading", { level: 1, name: roomName })).toBeVisible();
  const roomPath = new URL(bob.page.url()).pathname;

  await bob.page.getByRole("button", { name: "Copy join link" }).click();
  expect(await bob.page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(roomPath, bob.page.url()).toString());

  // Carol follows the link and signs in before the call starts (sign-in is cheap while no video runs).
  const carol = await signedInPage(browser, "carol", roomPath);
  await expect(carol.page.getByRole("heading", { level: 1, name: roomName })).toBeVisible();
  await expect(carol.page.getByRole("link", { name: "Room settings" })).toHaveCount(0);
  expect((await carol.page.request.get(`${roomPath}/settings`)).status()).toBe(404);
  // Two cameras at 320×180 (`?video=low`) rather than the 720p default: the test is about the room, not the picture.
  await carol.page.goto(`${roomPath}?video=low`);

  await bob.page.goto(`${roomPath}?video=low`);
  await bob.page.getByRole("button", { name: "Join meeting" }).click();
  await bob.page.getByRole("button", { name: "Participants" }).click();
  await expect(bob.page.getByRole("list", { name: "Participants" })).toContainText("Bob Builder (you)");

  await carol.page.getByRole("button", { name: "Join meeting" }).click();
  await carol.page.getByRole("button", { name: "Participants" }).click();
  await expect(carol.page.getByRole("list", { name: "Participants" })).toContainText("Bob Builder");
  await expect(bob.page.getByRole("list", { name: "Participants" })).toContainText("Carol Chen");

  await carol.page.getByRole("button", { name: "Leave" }).click();
  await expect(bob.page.getByRole("list", { name: "Participants" })).not.toContainText("Carol Chen");

  await bob.page.getByRole("button", { name: "Leave" }).click();
  await bob.page.getByRole("link", { name: "Room settings" }).click();
  await expect(bob.page.getByRole("heading", { name: "Manage room" })).toBeVisible();
  await bob.page.getByRole("button", { name: "Delete room" }).click();
  await bob.page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(bob.page).toHaveURL(/\/$/);
  await expect(bob.page.getByRole("link", { name: new RegExp(roomName) })).toHaveCount(0);

  const gone = await carol.page.goto(roomPath);
  expect(gone?.status()).toBe(404);

  await Promise.all([bob.context.close(), carol.context.close()]);
});

test("an invite-only room is visible to its invitee and hidden from everyone else", async ({ browser }) => {
  const dan = await signedInPage(browser, "dan");
  const roomName = `Private ${Date.now().toString(36)}`;
  await dan.page.getByLabel("Name").fill(roomName);
  await dan.page.getByLabel("Only people I invite").check();
  await dan.page.getByLabel(/^Invite \(emails/).fill("carol@confer.test");
  await dan.page.getByRole("button", { name: "Create room" }).click();
  await expect(dan.page.getByRole("heading", { level: 1, name: roomName })).toBeVisible();
  const roomPath = new URL(dan.page.url()).pathname;
  await dan.page.getByRole("link", { name: "Room settings" }).click();
  await expect(dan.page.getByRole("list", { name: "Invited people" })).toContainText("carol@confer.test");

  const carol = await signedInPage(browser, "carol");
  await expect(carol.page.getByRole("list", { name: "Shared with me" })).toContainText(roomName);
  const bob = await signedInPage(browser, "bob");
  await expect(bob.page.getByRole("link", { name: new RegExp(roomName) })).toHaveCount(0);
  expect((await bob.page.goto(roomPath))?.status()).toBe(404);

  await dan.page.getByRole("button", { name: "Delete room" }).click();
  await dan.page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(dan.page).toHaveURL(/\/$/);
  await Promise.all([dan.context.close(), carol.context.close(), bob.context.close()]);
});
