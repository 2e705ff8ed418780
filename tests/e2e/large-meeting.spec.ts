import { expect, test } from "@playwright/test";
import { prisma } from "../../lib/db/prisma";
import { defaultRoomPolicy } from "../../lib/domain/room-policy";
import { SFU_LEGS } from "../../lib/domain/sfu-legs";
import { listSfuRooms } from "../../lib/sfu/sfu-rooms";
import { type Person, cameraTile, createRoom, deleteRoom, expectFramesAdvancing, joinMeeting, peakRemoteAudioLevel, participantIdOf } from "./support/meeting";
import { chooseQuality, closeDevices, decodedHeight, expectAudioOnlyAndBack } from "./support/quality-choice";
import { signInEveryone } from "./support/sign-in";

/**
 * A room marked "large meeting" sends its media through the stack's Janus from the first person on: three
 * people see and hear each other, Janus lists them in the meeting's videoroom, and their quality samples reach
 * analytics for both legs (uplink to the SFU, downlink from it).
 */
const [janusUrl] = (process.env.JANUS_URLS ?? "").split(",").filter(Boolean);
const access = { tokenSecret: process.env.JANUS_TOKEN_SECRET ?? "", adminKey: process.env.JANUS_ADMIN_KEY ?? "", tokenTtlSeconds: 120 };

test("a large meeting's media goes through Janus: three people see and hear each other", async ({ browser }) => {
  test.skip(!janusUrl, "the stack runs no Janus (apt-get install janus)");
  const people: Person[] = await signInEveryone(browser, ["bob", "carol", "dan"]);
  const [bob, carol, dan] = people as [Person, Person, Person];
  const room = await createRoom(bob.page.request, `All hands ${Date.now().toString(36)}`);
  try {
    const updated = await bob.page.request.patch(`/api/rooms/${room.id}`, { data: { policy: { ...defaultRoomPolicy, largeMeeting: true } } });
    expect(updated.ok()).toBe(true);
    for (const person of people) await joinMeeting(person, room, "low");

    const names = { bob: "Bob Builder", carol: "Carol Chen", dan: "Dan Diaz" };
    const everyone = [
      { person: bob, name: names.bob },
      { person: carol, name: names.carol },
      { person: dan, name: names.dan },
    ];
    for (const viewer of everyone) {
      await Promise.all(everyone.filter((other) => other !== viewer).map((other) => expectFramesAdvancing(cameraTile(viewer.person.page, other.name))));
    }
    expect(await peakRemoteAudioLevel(carol.page, await participantIdOf(carol.page, names.bob))).toBeGreaterThan(0.01);
    // Connection quality shows on the tiles in SFU mode too (the downlink's rating, and what each person reports).
    await expect(cameraTile(bob.page, names.carol).locator("[data-quality]")).toHaveAttribute("data-quality", /^(good|excellent)$/, { timeout: 15_000 });
    // The media really is on the SFU: its videoroom for this room has the three of them.
    const rooms = await listSfuRooms(janusUrl!, access);
    expect(rooms.find((entry) => entry.room === room.id)?.participants).toBe(3);
    // Samples every 5 s, forwarded by PartyKit within a few seconds: both legs of each person, rated.
    await expect
      .poll(
        async () => {
          const rows = await prisma.qualitySample.findMany({ where: { meeting: { roomId: room.id } }, select: { participationId: true, peerParticipationId: true, score: true } });
          const legs = new Set(rows.filter((row) => row.score > 0).map((row) => `${row.participationId}:${row.peerParticipationId}`));
          return [...new Set(rows.map((row) => row.peerParticipationId))].sort().join(",") + ` ${legs.size}`;
        },
        { timeout: 30_000 },
      )
      .toBe(`${[SFU_LEGS.downlink, SFU_LEGS.uplink].sort().join(",")} 6`);
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all(people.map((person) => person.context.close()));
  }
});

test("simulcast through Janus: tiles take the layer their size needs, and the quality choices pick and drop layers", async ({ browser }) => {
  test.skip(!janusUrl, "the stack runs no Janus (apt-get install janus)");
  const people: Person[] = await signInEveryone(browser, ["bob", "carol", "dan"]);
  const [bob, carol] = people as [Person, Person, Person];
  const room = await createRoom(bob.page.request, `Simulcast ${Date.now().toString(36)}`);
  try {
    const updated = await bob.page.request.patch(`/api/rooms/${room.id}`, { data: { policy: { ...defaultRoomPolicy, largeMeeting: true } } });
    expect(updated.ok()).toBe(true);
    // 640×360: Chromium sends two of the three layers from a capture this size (360 and 180; all three from 720p).
    for (const person of people) await joinMeeting(person, room, "sd");
    const bobOnCarol = cameraTile(carol.page, "Bob Builder");
    const danOnCarol = cameraTile(carol.page, "Dan Diaz");
    await Promise.all([expectFramesAdvancing(bobOnCarol), expectFramesAdvancing(danOnCarol)]);
    // Three large grid tiles: the highest layer for both.
    await expect.poll(() => decodedHeight(bobOnCarol), { timeout: 20_000 }).toBe(360);
    await expect.poll(() => decodedHeight(danOnCarol), { timeout: 20_000 }).toBe(360);

    // Carol pins Dan: he takes her stage at the highest layer, Bob becomes a thumbnail on the lowest.
    await danOnCarol.getByRole("button", { name: "Pin Dan Diaz" }).click();
    await expect(carol.page.getByRole("list", { name: "Other videos" })).toBeVisible();
    await expect.poll(() => decodedHeight(bobOnCarol), { timeout: 20_000 }).toBe(180);
    expect(await decodedHeight(danOnCarol)).toBe(360);
    await danOnCarol.getByRole("button", { name: "Pin Dan Diaz" }).click();
    await expect.poll(() => decodedHeight(bobOnCarol), { timeout: 20_000 }).toBe(360);

    // Data saver: Janus forwards Carol the lowest layer Bob sends.
    await chooseQuality(carol.page, "What you receive", "Low (data saver)");
    await closeDevices(carol.page);
    await expect.poll(() => decodedHeight(bobOnCarol), { timeout: 20_000 }).toBe(180);
    await chooseQuality(carol.page, "What you receive", "Auto");
    await closeDevices(carol.page);
    await expect.poll(() => decodedHeight(bobOnCarol), { timeout: 20_000 }).toBe(360);

    // Bob sends Low (180p): his 360p layer stops, and Janus falls back to the best layer still coming.
    await chooseQuality(bob.page, "What you send", "Low (180p)");
    await closeDevices(bob.page);
    await expect.poll(() => decodedHeight(bobOnCarol), { timeout: 20_000 }).toBe(180);

    // Audio only: Janus stops forwarding the cameras to Carol; "Show video" brings them back.
    await expectAudioOnlyAndBack(carol.page, bobOnCarol);
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all(people.map((person) => person.context.close()));
  }
});
