import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { destroySfuRoom, ensureSfuRoom } from "../../lib/sfu/sfu-rooms";
import { JANUS_BINARY, type RunningJanus, startJanus } from "./harness/janus";
import { bundleSfuHarness, serveSfuHarness, SfuRoom } from "./harness/sfu-room";

/**
 * Media through the real Janus (its own instance, configured as the stacks configure theirs) with
 * lib/rtc/sfu/sfu-transport.ts in each page: publish, a multistream subscription, people joining and leaving.
 */

test.describe.configure({ mode: "default" });

const video = { width: 320, height: 180, frameRate: 15 };
let janus: RunningJanus;
let harness: Awaited<ReturnType<typeof serveSfuHarness>>;

test.beforeAll(async () => {
  test.skip(!existsSync(JANUS_BINARY), "Janus is not installed (apt-get install janus)");
  [janus, harness] = await Promise.all([startJanus(8598, [23000, 23999]), bundleSfuHarness().then(serveSfuHarness)]);
});
test.afterAll(async () => {
  await harness?.close();
  await janus?.stop();
});

let room: SfuRoom;
test.beforeEach(async ({ browser }) => {
  room = new SfuRoom(browser, harness.origin, janus, `spec-${randomUUID()}`);
  await ensureSfuRoom(janus.url, room.room, janus.access);
});
test.afterEach(async () => {
  const errors = await Promise.all([...room.participants.values()].map(({ page }) => page.evaluate(() => window.sfu.errors())));
  await room.close();
  await destroySfuRoom(janus.url, room.room, janus.access);
  expect(errors.flat()).toEqual([]);
  expect(room.pageErrors).toEqual([]);
});

const remoteVideos = (page: Page) => page.evaluate(() => window.sfu.remoteVideos());

/** Everyone sees everyone else's camera with frames advancing. */
async function expectAllSeeAll(ids: string[]) {
  for (const id of ids) {
    const page = room.participants.get(id)!.page;
    const others = ids.filter((other) => other !== id).sort();
    await expect.poll(async () => Object.keys(await remoteVideos(page)).sort(), { timeout: 15_000 }).toEqual(others);
    const before = await remoteVideos(page);
    await expect
      .poll(async () => {
        const now = await remoteVideos(page);
        return others.every((other) => now[other]!.frames > before[other]!.frames + 5);
      }, { timeout: 10_000 })
      .toBe(true);
  }
}

test("three people through Janus all see each other; a late joiner gets video at once; a leaver is dropped", async () => {
  await room.join("ann", video);
  await room.join("ben", video);
  await expectAllSeeAll(["ann", "ben"]);
  const late = await room.join("cat", video);
  await expectAllSeeAll(["ann", "ben", "cat"]);
  const firstFrames = Object.values(await remoteVideos(late.page)).map((remote) => remote.firstFrameMs);
  console.log(`sfu: late joiner's first frame of each other person: ${firstFrames.join(", ")} ms after start()`);
  expect(Math.max(...firstFrames.map((ms) => ms ?? Infinity))).toBeLessThan(5_000);
  expect(await late.page.evaluate(() => window.sfu.remoteAudioFrom().sort())).toEqual(["ann", "ben"]);

  await room.leave(room.participants.get("ben")!);
  for (const id of ["ann", "cat"]) {
    await expect.poll(async () => Object.keys(await remoteVideos(room.participants.get(id)!.page)).sort(), { timeout: 10_000 }).toEqual([id === "ann" ? "cat" : "ann"]);
  }
});

test("six people through Janus all see and hear each other, at a steady frame rate", async () => {
  const ids = ["p1", "p2", "p3", "p4", "p5", "p6"];
  for (const id of ids) await room.join(id, video);
  await expectAllSeeAll(ids);
  for (const id of ids) expect(await room.participants.get(id)!.page.evaluate(() => window.sfu.remoteAudioFrom().length)).toBe(5);
  // Frame rate of every received camera over 5 s, on every page at once.
  const pages = ids.map((id) => room.participants.get(id)!.page);
  const before = await Promise.all(pages.map(remoteVideos));
  await pages[0]!.waitForTimeout(5_000);
  const after = await Promise.all(pages.map(remoteVideos));
  const fps = after.flatMap((now, index) => Object.entries(now).map(([id, remote]) => (remote.frames - before[index]![id]!.frames) / 5));
  const sorted = [...fps].sort((a, b) => a - b);
  console.log(`sfu: 6 people at 320×180/15 fps, ${fps.length} received cameras: min ${sorted[0]!.toFixed(1)}, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} fps`);
  // Steady for everyone: no received camera under half the median, none below 3 fps. With one core kept busy the
  // whole picture slows (measured min 5.0, median 6.6), so the bound is relative rather than a fixed rate.
  const median = sorted[Math.floor(sorted.length / 2)]!;
  expect(sorted[0]!).toBeGreaterThanOrEqual(Math.max(3, median / 2));
});

test("a token that expires mid-meeting is renewed: requests after its expiry still succeed", async () => {
  // Janus checks the token on every request. Ann's first one lasts 15 s; her transport renews it (at 10 s, the
  // earliest it tries); after the expiry Ben joins, and Ann's subscription to him is a request with the new one.
  const ann = await room.join("ann", video, { tokenSeconds: 15 });
  await ann.page.waitForTimeout(17_000);
  await room.join("ben", video);
  await expectAllSeeAll(["ann", "ben"]);
});
