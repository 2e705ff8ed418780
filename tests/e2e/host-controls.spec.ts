import { expect, type Page, test } from "@playwright/test";
import { type Person, type Room, cameraTile, createRoom, deleteRoom, expectFramesAdvancing, joinMeeting, participantIdOf, peakRemoteAudioLevel } from "./support/meeting";
import { signInEveryone } from "./support/sign-in";

/**
 * One's own mute and camera, and a host's meeting-wide controls, in real browsers: mute everyone (proven by the
 * sound the host receives), lower all hands, stop someone's screen share, and ask to unmute — which turns nothing on until the person accepts. Bob owns
 * the room (host); Carol and Dan take part. Three people at 320×180 (`?video=low`).
 */

/** Chromium's fake microphone beeps once a second: a 2 s window always holds a beep when the sound gets through. */
const HEARD = 0.01;
const SILENT = 0.001;

const microphone = (page: Page) => page.getByRole("button", { name: "Microphone" });
const hand = (page: Page) => page.getByRole("button", { name: "Raise hand" });

async function hostMenu(page: Page, item: string | RegExp) {
  await page.getByRole("button", { name: "Host controls" }).click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
}

/** The host's menu for `name` in the participants list (open it first; the panel loads lazily). */
async function participantMenu(page: Page, name: string, item: string | RegExp) {
  await page.getByRole("list", { name: "Participants" }).getByRole("button", { name: `Host actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
}

/** Joins with the camera turned off in the lobby (a fresh browser context remembers no earlier choice). */
async function joinWithoutCamera(person: Person, room: Room) {
  await person.page.goto(`/rooms/${room.slug}?video=low`);
  const camera = person.page.getByRole("button", { name: "Camera" });
  await expect(camera).toHaveAttribute("aria-pressed", "true");
  await camera.click();
  await expect(camera).toHaveAttribute("aria-pressed", "false");
  await person.page.getByRole("button", { name: "Join meeting" }).click();
  await expect(person.page.getByTestId("meeting")).toHaveAttribute("data-phase", "in-meeting");
}

test("one's own mute and camera are proven at the receiver: silence, then sound; frames stop, then flow", async ({ browser }) => {
  const people: Person[] = await signInEveryone(browser, ["bob", "carol"]);
  const [bob, carol] = people as [Person, Person];
  const room = await createRoom(bob.page.request, `Own controls ${Date.now().toString(36)}`);
  try {
    for (const person of people) await joinMeeting(person, room, "low");
    await expectFramesAdvancing(cameraTile(bob.page, "Carol Chen"));
    const carolId = await participantIdOf(bob.page, "Carol Chen");
    await expect.poll(() => peakRemoteAudioLevel(bob.page, carolId), { timeout: 15_000 }).toBeGreaterThan(HEARD);

    // One's own mute (the M shortcut) is silence at the receiver too, and unmuting brings the sound back.
    await carol.page.keyboard.press("m");
    await expect(microphone(carol.page)).toHaveAttribute("aria-pressed", "false");
    await expect.poll(() => peakRemoteAudioLevel(bob.page, carolId), { timeout: 10_000 }).toBeLessThan(SILENT);
    await carol.page.keyboard.press("m");
    await expect.poll(() => peakRemoteAudioLevel(bob.page, carolId), { timeout: 15_000 }).toBeGreaterThan(HEARD);

    // Camera off stops the frames Bob receives from Carol (his connection panel measures them), and on brings them back.
    await carol.page.getByRole("button", { name: "Camera" }).click();
    await bob.page.getByRole("button", { name: "Devices" }).click();
    const fromCarol = bob.page.getByTestId("connection-figures").and(bob.page.locator(`[data-peer-id="${carolId}"]`)).getByTestId("received-figures");
    await expect(fromCarol).toHaveText("no video", { timeout: 15_000 });
    await carol.page.getByRole("button", { name: "Camera" }).click();
    await expect(fromCarol).toContainText("×", { timeout: 15_000 });
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all(people.map((person) => person.context.close()));
  }
});

test("host controls: mute everyone silences them, hands go down, a share is stopped, unmute is only ever asked", async ({ browser }) => {
  const people: Person[] = await signInEveryone(browser, ["bob", "carol", "dan"]);
  const [bob, carol, dan] = people as [Person, Person, Person];
  const room = await createRoom(bob.page.request, `Host controls ${Date.now().toString(36)}`);
  try {
    // Cameras stay off: this test is about sound, hands and a screen, and three cameras would only load the CPU.
    for (const person of people) await joinWithoutCamera(person, room);
    const carolId = await participantIdOf(bob.page, "Carol Chen");
    const danId = await participantIdOf(bob.page, "Dan Diaz");
    await expect.poll(() => peakRemoteAudioLevel(bob.page, carolId), { timeout: 15_000 }).toBeGreaterThan(HEARD);
    await expect.poll(() => peakRemoteAudioLevel(bob.page, danId), { timeout: 15_000 }).toBeGreaterThan(HEARD);

    // Mute everyone: both microphones go off on their own pages, both are told, and the host hears silence.
    await hostMenu(bob.page, "Mute everyone");
    for (const person of [carol, dan]) {
      await expect(microphone(person.page)).toHaveAttribute("aria-pressed", "false");
      await expect(person.page.getByText("A host muted your microphone")).toBeVisible();
    }
    await expect(microphone(bob.page)).toHaveAttribute("aria-pressed", "true");
    await expect.poll(() => peakRemoteAudioLevel(bob.page, carolId), { timeout: 10_000 }).toBeLessThan(SILENT);
    await expect.poll(() => peakRemoteAudioLevel(bob.page, danId), { timeout: 10_000 }).toBeLessThan(SILENT);

    // Lower all hands.
    await hand(carol.page).click();
    await hand(dan.page).click();
    await expect(cameraTile(bob.page, "Dan Diaz").getByRole("img", { name: "Hand raised" })).toBeVisible();
    await hostMenu(bob.page, "Lower all hands (2)");
    for (const person of [carol, dan]) await expect(hand(person.page)).toHaveAttribute("aria-pressed", "false");
    await expect(carol.page.getByText("A host lowered all hands")).toBeVisible();

    // Stop Carol's screen share: it leaves everyone's stage and her own button says she no longer shares.
    await carol.page.getByRole("button", { name: "Share screen" }).click();
    const carolsScreen = dan.page.getByRole("figure", { name: "Carol Chen's screen" });
    await expectFramesAdvancing(carolsScreen);
    await bob.page.getByRole("button", { name: "Participants" }).click();
    await participantMenu(bob.page, "Carol Chen", "Stop Carol Chen’s screen share");
    await expect(carol.page.getByRole("button", { name: "Share screen" })).toHaveAttribute("aria-pressed", "false");
    await expect(carol.page.getByText("A host stopped your screen share")).toBeVisible();
    await expect(carolsScreen).toHaveCount(0);

    // Ask Dan to unmute: nothing turns on by itself; his own click does, and the host hears him again.
    await participantMenu(bob.page, "Dan Diaz", "Ask Dan Diaz to unmute");
    const request = dan.page.getByText("A host asks you to unmute", { exact: true });
    await expect(request).toBeVisible();
    await expect(microphone(dan.page)).toHaveAttribute("aria-pressed", "false");
    expect(await peakRemoteAudioLevel(bob.page, danId)).toBeLessThan(SILENT);
    await dan.page.getByRole("button", { name: "Unmute", exact: true }).click();
    await expect(microphone(dan.page)).toHaveAttribute("aria-pressed", "true");
    await expect.poll(() => peakRemoteAudioLevel(bob.page, danId), { timeout: 15_000 }).toBeGreaterThan(HEARD);
    // Carol, still muted, stays silent.
    expect(await peakRemoteAudioLevel(bob.page, carolId)).toBeLessThan(SILENT);
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all(people.map((person) => person.context.close()));
  }
});
