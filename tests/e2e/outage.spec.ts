import { expect, test } from "@playwright/test";
import { type Person, cameraTile, createRoom, deleteRoom, expectFramesAdvancing, joinMeeting, participantIdOf } from "./support/meeting";
import { signInEveryone } from "./support/sign-in";

/**
 * Signaling outage mid-call: the test stack's PartyKit is stopped for two seconds and started again. This spec
 * restarts a shared service, so it runs in its own Playwright project after every other test (see config).
 */
test("a two-second PartyKit outage mid-call loses nobody: media flows, sockets resume, chat works", async ({ browser }) => {
  const controlUrl = process.env.CONFER_STACK_CONTROL_URL;
  if (!controlUrl) throw new Error("CONFER_STACK_CONTROL_URL is not set: run this through `npm test`.");

  const [bob, carol] = (await signInEveryone(browser, ["bob", "carol"])) as [Person, Person];
  const room = await createRoom(bob.page.request, `Outage ${Date.now().toString(36)}`);
  await joinMeeting(bob, room, "low");
  await joinMeeting(carol, room, "low");
  try {
    await expectFramesAdvancing(cameraTile(bob.page, "Carol Chen"));
    const carolId = await participantIdOf(bob.page, "Carol Chen");
    const bobId = await participantIdOf(carol.page, "Bob Builder");

    // Flag any moment at which the other person's tile disappears, i.e. anyone is shown as having left.
    for (const [page, name] of [[bob.page, "Carol Chen"], [carol.page, "Bob Builder"]] as const) {
      await page.evaluate(`(() => {
        const selector = 'figure[data-participant-name=${JSON.stringify(name)}][data-tile="camera"]';
        new MutationObserver(() => { if (!document.querySelector(selector)) window.tileVanished = true; })
          .observe(document.body, { childList: true, subtree: true });
      })()`);
    }

    const restart = fetch(`${controlUrl}/partykit/restart?downMs=2000`, { method: "POST" });
    // While signaling is down, the peer-to-peer media keeps flowing.
    await expectFramesAdvancing(cameraTile(bob.page, "Carol Chen"));
    expect((await restart).status).toBe(204);

    // After the restart both sockets resume with the same participant ids, and chat works again.
    await bob.page.getByRole("button", { name: "Chat" }).click();
    const composer = bob.page.getByRole("textbox", { name: "Message everyone" });
    await expect(async () => {
      await composer.fill(`still here ${Date.now()}`);
      await composer.press("Enter");
      await expect(carol.page.getByRole("button", { name: "Chat" }).getByTestId("unread-badge")).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expectFramesAdvancing(cameraTile(carol.page, "Bob Builder"));
    expect(await participantIdOf(bob.page, "Carol Chen")).toBe(carolId);
    expect(await participantIdOf(carol.page, "Bob Builder")).toBe(bobId);
    expect(await bob.page.evaluate("window.tileVanished ?? false")).toBe(false);
    expect(await carol.page.evaluate("window.tileVanished ?? false")).toBe(false);
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all([bob.context.close(), carol.context.close()]);
  }
});
