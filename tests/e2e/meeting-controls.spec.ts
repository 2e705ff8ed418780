import { expect, type Page, test } from "@playwright/test";
import { type Person, cameraTile, clickJoin, createRoom, deleteRoom, expectFramesAdvancing, joinMeeting } from "./support/meeting";
import { CAMERA_COLOURS, givePersonCamera, nearestColour, tileColour } from "./support/person-camera";
import { signInEveryone } from "./support/sign-in";

/**
 * Controls the protocol tests cover, proven in browsers as people see them: a locked meeting refuses a newcomer
 * with a clear screen, reactions reach the others, a spotlight moves everyone's stage, layouts switch, and a host
 * removes someone from the participants list. Bob owns the room; Carol and Dan take part; 320×180 video.
 */

const otherVideos = (page: Page) => page.getByRole("list", { name: "Other videos" });
const grid = (page: Page) => page.getByRole("list", { name: "Videos", exact: true });

async function hostMenu(page: Page, item: string) {
  await page.getByRole("button", { name: "Host controls" }).click();
  await page.getByRole("menuitem", { name: item, exact: true }).click();
}

test("lock, reactions, spotlight, layouts and removal, as the people in the meeting see them", async ({ browser }) => {
  const people: Person[] = await signInEveryone(browser, ["bob", "carol", "dan"]);
  const [bob, carol, dan] = people as [Person, Person, Person];
  const room = await createRoom(bob.page.request, `Controls ${Date.now().toString(36)}`);
  try {
    // Each camera its own colour, so the stage can be seen to show the spotlighted person's picture.
    await givePersonCamera(bob.context, { name: "Bob Builder", colour: CAMERA_COLOURS.red });
    await givePersonCamera(carol.context, { name: "Carol Chen", colour: CAMERA_COLOURS.green });
    await givePersonCamera(dan.context, { name: "Dan Diaz", colour: CAMERA_COLOURS.blue });
    await joinMeeting(bob, room, "low");
    await joinMeeting(carol, room, "low");

    // Locked: Dan is refused with words that say why, then gets in once Bob unlocks.
    await hostMenu(bob.page, "Lock meeting");
    await expect(carol.page.getByText("Locked", { exact: true })).toBeVisible();
    await clickJoin(dan, room, "low");
    const refused = dan.page.getByRole("region", { name: "You couldn't join the meeting" });
    await expect(refused).toContainText("The meeting is locked: a host has to unlock it before you can join.");
    await expect(dan.page.getByTestId("meeting")).toHaveCount(0);
    await hostMenu(bob.page, "Unlock meeting");
    await expect(carol.page.getByText("Locked", { exact: true })).toHaveCount(0);
    // Rejoin goes straight back in, without the lobby.
    await refused.getByRole("button", { name: "Rejoin" }).click();
    await expect(dan.page.getByTestId("meeting")).toHaveAttribute("data-phase", "in-meeting");
    await expectFramesAdvancing(cameraTile(dan.page, "Carol Chen"));

    // A reaction from Carol rises on both others' screens, tagged with her name.
    await carol.page.getByRole("button", { name: "Reactions" }).click();
    await carol.page.getByRole("button", { name: "Clapping" }).click();
    for (const viewer of [bob, dan]) await expect(viewer.page.locator("li", { hasText: "👏" }).filter({ hasText: "Carol Chen" })).toBeVisible();

    // Spotlight: Carol takes everyone's stage (out of the filmstrip), until Bob removes it.
    await expect(grid(dan.page)).toBeVisible();
    await bob.page.getByRole("button", { name: "Host actions for Carol Chen" }).first().click();
    await bob.page.getByRole("menuitem", { name: "Spotlight for everyone" }).click();
    for (const viewer of [dan, bob]) {
      await expect(otherVideos(viewer.page)).toBeVisible();
      await expect(cameraTile(viewer.page, "Carol Chen")).toBeVisible();
      await expect(otherVideos(viewer.page).getByRole("figure", { name: "Carol Chen", exact: true })).toHaveCount(0);
      await expect.poll(async () => nearestColour(await tileColour(cameraTile(viewer.page, "Carol Chen")), CAMERA_COLOURS)).toBe("green");
    }
    await expect(carol.page.getByText("You are spotlighted for everyone").first()).toBeVisible();
    await hostMenu(bob.page, "Remove spotlight from Carol Chen");
    await expect(grid(dan.page)).toBeVisible();

    // Layouts are each person's own: Bob's speaker view leaves Dan's grid alone; Grid brings Bob's back.
    await bob.page.getByRole("button", { name: "Layout" }).click();
    await bob.page.getByRole("menuitemradio", { name: /^Speaker/ }).click();
    await expect(otherVideos(bob.page)).toBeVisible();
    await expect(grid(dan.page)).toBeVisible();
    await bob.page.getByRole("button", { name: "Layout" }).click();
    await bob.page.getByRole("menuitemradio", { name: /^Grid/ }).click();
    await expect(grid(bob.page)).toBeVisible();

    // Bob removes Dan from the participants list: Dan sees why, the others see him go.
    await bob.page.getByRole("button", { name: "Participants" }).click();
    await bob.page.getByRole("list", { name: "Participants" }).getByRole("button", { name: "Host actions for Dan Diaz" }).click();
    await bob.page.getByRole("menuitem", { name: "Remove from meeting" }).click();
    await bob.page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
    await expect(dan.page.getByRole("heading", { name: "You were removed from the meeting" })).toBeVisible();
    await expect(cameraTile(carol.page, "Dan Diaz")).toHaveCount(0);
    await expect(carol.page.getByText("A host removed Dan Diaz").first()).toBeVisible();
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all(people.map((person) => person.context.close()));
  }
});
