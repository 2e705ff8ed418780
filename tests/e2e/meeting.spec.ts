import { expect, type Page, test } from "@playwright/test";
import { type Person, createRoom, deleteRoom, joinMeeting, cameraTile, expectFramesAdvancing, peakRemoteAudioLevel, participantIdOf } from "./support/meeting";
import { CAMERA_COLOURS, givePersonCamera, nearestColour, tileColour } from "./support/person-camera";
import { signInEveryone } from "./support/sign-in";

/**
 * The meeting as people use it, on the whole stack: one browser context per person (fake camera and microphone),
 * real PartyKit signaling and WebRTC between the contexts. Each test makes its own room and deletes it.
 * Two cores: at most three people, at 320×180 and 10 fps (`?video=low`). Camera specs run one at a time (the
 * `media` project in playwright.config.ts), so their timings stay meaningful.
 */

/** Click on Join → first frame of someone else's video, from the page's User Timing marks. */
function joinToFirstFrameMs(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const click = performance.getEntriesByName("meeting:join-clicked")[0];
    const frame = performance.getEntriesByName("meeting:first-remote-frame")[0];
    return click && frame ? Math.round(frame.startTime - click.startTime) : null;
  });
}

test("two people see and hear each other, chat, and see mute, hand and leave", async ({ browser }, testInfo) => {
  const people: Person[] = await signInEveryone(browser, ["bob", "carol"]);
  const [bob, carol] = people as [Person, Person];
  const room = await createRoom(bob.page.request, `Meeting ${Date.now().toString(36)}`);
  try {
    await bob.page.goto(`/rooms/${room.slug}?video=low`);
    await expect(bob.page.getByTestId("prejoin-preview")).toBeVisible();
    // Chromium's fake microphone beeps briefly once a second: watch every frame rather than poll, or the beep slips
    // between two polls.
    await bob.page.waitForFunction(
      () => Number(document.querySelector<HTMLElement>('[role="meter"][aria-label="Microphone level"]')?.dataset.level ?? 0) > 0,
      undefined,
      { polling: "raf", timeout: 8000 },
    );
    await bob.page.getByRole("button", { name: "Join meeting" }).click();
    await expect(bob.page.getByTestId("meeting")).toHaveAttribute("data-phase", "in-meeting");

    await joinMeeting(carol, room, "low");

    // Video both ways, with frames advancing; sound both ways.
    await expectFramesAdvancing(cameraTile(bob.page, "Carol Chen"));
    await expectFramesAdvancing(cameraTile(carol.page, "Bob Builder"));
    const firstFrameMs = await joinToFirstFrameMs(carol.page);
    testInfo.annotations.push({ type: "join → first remote frame (ms)", description: String(firstFrameMs) });
    console.log(`meeting.spec: carol, click on Join → first remote frame: ${firstFrameMs} ms`);
    const bobId = await participantIdOf(carol.page, "Bob Builder");
    const carolId = await participantIdOf(bob.page, "Carol Chen");
    await expect.poll(() => peakRemoteAudioLevel(bob.page, carolId), { timeout: 15_000 }).toBeGreaterThan(0.01);
    await expect.poll(() => peakRemoteAudioLevel(carol.page, bobId), { timeout: 15_000 }).toBeGreaterThan(0.01);

    // Chat: Markdown is rendered, raw HTML is shown as text and never runs, and the closed panel counts unread.
    await bob.page.getByRole("button", { name: "Chat" }).click();
    const composer = bob.page.getByRole("textbox", { name: "Message everyone" });
    await expect(composer).toBeFocused();
    await composer.fill("**Agenda** for _today_\n- item `one`\n<script>window.__injected = true</script>");
    await composer.press("Enter");
    await expect(bob.page.getByRole("list", { name: "Messages" }).getByTestId("chat-message")).toHaveCount(1);
    await expect(carol.page.getByRole("button", { name: "Chat" }).getByTestId("unread-badge")).toHaveText("1");
    await carol.page.keyboard.press("c");
    const carolMessages = carol.page.getByRole("list", { name: "Messages" });
    await expect(carolMessages.locator("strong")).toHaveText("Agenda");
    await expect(carolMessages.locator("em")).toHaveText("today");
    await expect(carolMessages.locator("li code")).toHaveText("one");
    await expect(carolMessages).toContainText("<script>window.__injected = true</script>");
    await expect(carolMessages).toContainText("Bob Builder");
    expect(await carol.page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
    await expect(carol.page.getByRole("button", { name: "Chat" }).getByTestId("unread-badge")).toHaveCount(0);

    // Carol mutes (with the M shortcut, outside the chat box) and raises her hand: Bob sees both.
    await carol.page.getByRole("button", { name: "Close chat" }).click();
    await carol.page.keyboard.press("m");
    await expect(carol.page.getByRole("button", { name: "Microphone" })).toHaveAttribute("aria-pressed", "false");
    await carol.page.getByRole("button", { name: "Raise hand" }).click();
    await expect(carol.page.getByRole("button", { name: "Raise hand" })).toHaveAttribute("aria-pressed", "true");
    const carolOnBob = cameraTile(bob.page, "Carol Chen");
    await expect(carolOnBob.getByRole("img", { name: "Microphone off" })).toBeVisible();
    await expect(carolOnBob.getByRole("img", { name: "Hand raised" })).toBeVisible();
    await bob.page.getByRole("button", { name: "Participants" }).click();
    const roster = bob.page.getByRole("list", { name: "Participants" }).getByRole("listitem");
    await expect(roster.first()).toContainText("Carol Chen");
    await expect(roster.first().getByRole("img", { name: "Hand raised" })).toBeVisible();
    await expect(roster.first().getByRole("img", { name: "Microphone off" })).toBeVisible();
    await expect(roster.nth(1)).toContainText("Bob Builder (you)");
    await expect(roster.nth(1).getByRole("img", { name: "Microphone on" })).toBeVisible();

    // Bob shares his screen: it takes Carol's stage (frames advancing) until he stops with the S shortcut.
    await bob.page.getByRole("button", { name: "Share screen" }).click();
    await expect(bob.page.getByRole("button", { name: "Share screen" })).toHaveAttribute("aria-pressed", "true");
    const sharedScreen = carol.page.getByRole("figure", { name: "Bob Builder's screen" });
    await expectFramesAdvancing(sharedScreen);
    await expect(carol.page.getByRole("list", { name: "Other videos" }).getByRole("figure")).toHaveCount(2);
    await bob.page.keyboard.press("s");
    await expect(sharedScreen).toHaveCount(0);
    await expect(carol.page.getByRole("list", { name: "Videos", exact: true }).getByRole("figure")).toHaveCount(2);

    // Carol leaves: she gets the exit screen, Bob's meeting drops her tile and tells him.
    await carol.page.getByRole("button", { name: "Leave" }).click();
    await expect(carol.page.getByRole("heading", { name: "You left the meeting" })).toBeVisible();
    await expect(carol.page.getByRole("button", { name: "Rejoin" })).toBeVisible();
    await expect(cameraTile(bob.page, "Carol Chen")).toHaveCount(0);
    await expect(bob.page.getByText("Carol Chen left")).toBeVisible();
    await expect(roster).toHaveCount(1);
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all(people.map((person) => person.context.close()));
  }
});

test("three people form a full mesh and all see each other, each tile showing the right person", async ({ browser }) => {
  const people: Person[] = await signInEveryone(browser, ["bob", "carol", "dan"]);
  const [bob, carol, dan] = people as [Person, Person, Person];
  const room = await createRoom(bob.page.request, `Mesh ${Date.now().toString(36)}`);
  try {
    const everyone = [
      { name: "Bob Builder", page: bob.page, colour: "red" },
      { name: "Carol Chen", page: carol.page, colour: "green" },
      { name: "Dan Diaz", page: dan.page, colour: "blue" },
    ] as const;
    // Each camera its own colour: a tile showing someone else's picture would fail, not just a frozen one.
    for (const [index, person] of people.entries()) await givePersonCamera(person.context, { name: everyone[index]!.name, colour: CAMERA_COLOURS[everyone[index]!.colour] });
    for (const person of [bob, carol, dan]) await joinMeeting(person, room, "low");

    // Six directions at once: checked one after another they took most of the test's time on a busy machine.
    await Promise.all(
      everyone.map(async (viewer) => {
        await expect(viewer.page.getByRole("button", { name: "Participants" })).toContainText("3");
        await Promise.all(
          everyone
            .filter((person) => person !== viewer)
            .map(async (other) => {
              const tile = cameraTile(viewer.page, other.name);
              await expectFramesAdvancing(tile);
              await expect.poll(async () => nearestColour(await tileColour(tile), CAMERA_COLOURS)).toBe(other.colour);
            }),
        );
      }),
    );
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all(people.map((person) => person.context.close()));
  }
});
