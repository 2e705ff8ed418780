import { expect, type Locator, type Page, test } from "@playwright/test";
import { defaultRoomPolicy } from "../../lib/domain/room-policy";
import { type Person, clickJoin, createRoom, deleteRoom } from "./support/meeting";
import { signInEveryone } from "./support/sign-in";

/**
 * A whole meeting by keyboard alone (issue 15): Carol signs in, picks her devices, joins, mutes, shares, raises
 * her hand, chats, opens the participants list, admits Dan from the waiting room and leaves, without a single
 * click. Each control is reached with Tab (so it is in the tab order and not trapped behind anything), shows a
 * visible focus ring, and focus comes back where it was when a panel closes.
 */
const MAX_TABS = 60;

/** Presses Tab until `target` has focus (it must be reachable that way), then checks its focus is visible. */
async function tabTo(page: Page, target: Locator, shift = false) {
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) {
      await expect(target).toBeFocused();
      expect(await target.evaluate((element) => element.matches(":focus-visible") && getComputedStyle(element).outlineStyle !== "none")).toBe(true);
      return;
    }
    await page.keyboard.press(shift ? "Shift+Tab" : "Tab");
  }
  throw new Error(`not reachable with ${MAX_TABS} presses of ${shift ? "Shift+Tab" : "Tab"}: ${target.toString()}`);
}

test("a whole meeting by keyboard alone: sign in, devices, join, mute, share, hand, chat, admit, leave", async ({ browser }) => {
  const [dan] = (await signInEveryone(browser, ["dan"])) as [Person];
  const context = await browser.newContext();
  const page = await context.newPage();
  let room: Awaited<ReturnType<typeof createRoom>> | null = null;
  try {
    // Sign in through the directory's sign-in page.
    await page.goto("/");
    await tabTo(page, page.getByRole("button", { name: /^Sign in with/ }).first());
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Username")).toBeFocused();
    await page.keyboard.type("carol");
    await page.keyboard.press("Tab");
    await page.keyboard.type("confer-demo");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/");

    room = await createRoom(page.request, `Keyboard ${Date.now().toString(36)}`);
    const policy = await page.request.patch(`/api/rooms/${room.id}`, { data: { policy: { ...defaultRoomPolicy, waitingRoom: true } } });
    expect(policy.ok()).toBe(true);
    await page.goto(`/rooms/${room.slug}?video=low`);
    await expect(page.getByTestId("prejoin-preview")).toBeVisible();

    // The lobby: devices are native selects, changed with the arrow keys; then Join.
    const microphone = page.getByLabel("Microphone", { exact: true }).first();
    await tabTo(page, microphone);
    await page.keyboard.press("ArrowDown");
    await tabTo(page, page.getByLabel("Camera", { exact: true }).first());
    await tabTo(page, page.getByRole("button", { name: "Join meeting" }));
    await page.keyboard.press("Enter");
    const meeting = page.getByTestId("meeting");
    await expect(meeting).toHaveAttribute("data-phase", "in-meeting");
    const controls = page.getByRole("toolbar", { name: "Meeting controls" });

    // Shortcuts: mute, share, raise the hand.
    const microphoneButton = controls.getByRole("button", { name: /^Microphone/ });
    await expect(microphoneButton).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("m");
    await expect(microphoneButton).toHaveAttribute("aria-pressed", "false");
    await page.keyboard.press("s");
    await expect(controls.getByRole("button", { name: /^Share screen/ })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("figure", { name: /Carol Chen.*screen/i })).toBeVisible();
    await page.keyboard.press("h");
    await expect(controls.getByRole("button", { name: /^Raise hand/ })).toHaveAttribute("aria-pressed", "true");

    // Chat: Tab to the button, type, send with Enter; closing the panel gives focus back to the button.
    const chatButton = controls.getByRole("button", { name: /^Chat/ });
    await tabTo(page, chatButton);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("textbox", { name: /message/i })).toBeVisible();
    await tabTo(page, page.getByRole("textbox", { name: /message/i }));
    await page.keyboard.type("Typed without a mouse");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("list", { name: "Messages" })).toContainText("Typed without a mouse");
    await tabTo(page, page.getByRole("button", { name: "Close chat" }), true);
    await page.keyboard.press("Enter");
    await expect(chatButton).toBeFocused();

    // Dan knocks; Carol admits him from the participants list.
    await clickJoin(dan, room, "low");
    await expect(dan.page.getByRole("heading", { name: "Waiting for the host to let you in" })).toBeVisible();
    await page.keyboard.press("p");
    const admit = page.getByRole("list", { name: "Waiting to join" }).getByRole("button", { name: "Admit Dan Diaz" });
    await expect(admit).toBeVisible();
    await tabTo(page, admit);
    await page.keyboard.press("Enter");
    await expect(dan.page.getByTestId("meeting")).toHaveAttribute("data-phase", "in-meeting");
    await expect(page.getByRole("list", { name: "Participants" }).getByRole("listitem")).toHaveCount(2);

    // Leave: the exit screen takes focus, so a screen reader hears where the person is.
    await tabTo(page, controls.getByRole("button", { name: "Leave" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "You left the meeting" })).toBeFocused();
  } finally {
    if (room) await deleteRoom(page.request, room);
    await context.close();
    await dan.context.close();
  }
});
