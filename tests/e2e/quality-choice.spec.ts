import { expect, test } from "@playwright/test";
import { type Person, cameraTile, createRoom, deleteRoom, expectFramesAdvancing, joinMeeting } from "./support/meeting";
import { chooseQuality as choose, closeDevices as close, decodedHeight, expectAudioOnlyAndBack } from "./support/quality-choice";
import { signInEveryone } from "./support/sign-in";

/**
 * Quality choices, proven on the receiver: the height of the camera Carol decodes follows her receive choice (data
 * saver, audio only) and Bob's send choice, and the connection panel shows the same numbers. Two people capture
 * 640×360 (`?video=sd`): the test is about resolution, so the source must be larger than the lowest rung.
 */

test("quality choices change the resolution the receiver decodes, and the connection panel shows it", async ({ browser }) => {
  const people: Person[] = await signInEveryone(browser, ["bob", "carol"]);
  const [bob, carol] = people as [Person, Person];
  const room = await createRoom(bob.page.request, `Quality ${Date.now().toString(36)}`);
  try {
    for (const person of people) await joinMeeting(person, room, "sd");
    const bobOnCarol = cameraTile(carol.page, "Bob Builder");
    await expectFramesAdvancing(bobOnCarol);
    // Two people on loopback: the policy allows 720p, so the 360p source arrives whole once the estimate ramps up.
    await expect.poll(() => decodedHeight(bobOnCarol), { timeout: 20_000 }).toBe(360);

    // Carol's data saver: Bob sends her (only her) a 180p camera; her connection panel says so.
    const dialog = await choose(carol.page, "What you receive", "Low (data saver)");
    await expect(dialog.getByTestId("received-figures")).toContainText("×180", { timeout: 20_000 });
    await close(carol.page);
    await expect.poll(() => decodedHeight(bobOnCarol), { timeout: 20_000 }).toBe(180);

    // Back to Auto, then Bob himself sends Low: 180p again, now from his side.
    await choose(carol.page, "What you receive", "Auto");
    await close(carol.page);
    await expect.poll(() => decodedHeight(bobOnCarol), { timeout: 20_000 }).toBe(360);
    const bobsDialog = await choose(bob.page, "What you send", "Low (180p)");
    await expect(bobsDialog.getByTestId("sent-figures")).toContainText("×180", { timeout: 20_000 });
    await close(bob.page);
    await expect.poll(() => decodedHeight(bobOnCarol), { timeout: 20_000 }).toBe(180);

    // Audio only: Bob's camera stops being shown to Carol, and "Show video" brings it back with the choice reset.
    await expectAudioOnlyAndBack(carol.page, bobOnCarol);
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all(people.map((person) => person.context.close()));
  }
});
