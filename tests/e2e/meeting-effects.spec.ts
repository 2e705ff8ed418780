import { type Browser, chromium, expect, type Locator, type Page, test } from "@playwright/test";
import { chromiumLaunchArgs } from "../../playwright.config";
import { buildMediaFixtures, fixturesMissingReason } from "./support/media-fixtures";
import { type FractionRegion, installFrameProbe, measureVideo, remoteAudioStats } from "./support/frame-probe";
import { type Person, cameraTile, createRoom, deleteRoom, joinMeeting, participantIdOf } from "./support/meeting";
import { signInEveryone } from "./support/sign-in";

/**
 * Effects as a person uses them in the app (the Next.js build, its worker chunk and the served models): picked
 * in the lobby and in the meeting's Devices dialog, seen by the other side, remembered for the next visit.
 * Both people's camera is the astronaut photo (tests/e2e/support/media-fixtures.ts), so each side's view of the
 * other went through the same encoder and decoder: only the effect differs.
 */

/** The astronaut crop's regions (effects.spec.ts) as fractions of the frame. */
const person: FractionRegion[] = [
  { name: "face", x: 225 / 640, y: 45 / 360, width: 110 / 640, height: 150 / 360 },
  { name: "collar", x: 200 / 640, y: 215 / 360, width: 150 / 640, height: 100 / 360 },
];
const background: FractionRegion[] = [
  { name: "flag", x: 0, y: 0, width: 100 / 640, height: 220 / 360 },
  { name: "shuttle", x: 450 / 640, y: 10 / 360, width: 130 / 640, height: 290 / 360 },
];
const db = (ratio: number) => 10 * Math.log10(ratio);

let browser: Browser;
test.beforeAll(async () => {
  const missing = fixturesMissingReason();
  test.skip(missing !== null, missing ?? "");
  const fixtures = buildMediaFixtures();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    // SwiftShader gives the headless browser the WebGL2 the compositor needs.
    args: [...chromiumLaunchArgs, "--enable-unsafe-swiftshader", `--use-file-for-fake-video-capture=${fixtures.camera}`, `--use-file-for-fake-audio-capture=${fixtures.noisyMic}`],
  });
});
test.afterAll(async () => browser?.close());

const backgroundChoice = (within: Page | Locator, name: string) => within.getByRole("radio", { name, exact: true });

test("blur picked in the lobby reaches the others, a replacement picked mid-meeting too, and the choice is remembered", async () => {
  const people = await signInEveryone(browser, ["bob", "carol"], "/", { baseURL: process.env.CONFER_APP_URL });
  const [bob, carol] = people as [Person, Person];
  await Promise.all(people.map((someone) => installFrameProbe(someone.context)));
  const room = await createRoom(bob.page.request, `Effects ${Date.now().toString(36)}`);
  try {
    await bob.page.goto(`/rooms/${room.slug}?video=low`);
    await expect(bob.page.getByTestId("prejoin-preview")).toBeVisible();
    await backgroundChoice(bob.page, "Strong blur").click();
    await expect(backgroundChoice(bob.page, "Strong blur")).toHaveAttribute("aria-checked", "true");
    // The preview shows the processed track once the model ran (the raw camera is never shown meanwhile).
    await expect(bob.page.getByText("Applying the effect…")).toBeHidden({ timeout: 30_000 });
    await expect(bob.page.getByTestId("prejoin-preview")).toBeVisible();
    await bob.page.getByRole("button", { name: "Join meeting" }).click();
    await expect(bob.page.getByTestId("meeting")).toHaveAttribute("data-phase", "in-meeting");
    await joinMeeting(carol, room, "low");

    const bobOnCarols = cameraTile(carol.page, "Bob Builder").locator("video");
    const carolOnBobs = cameraTile(bob.page, "Carol Chen").locator("video");
    // Both directions at the same size, the encoders settled.
    await expect.poll(async () => [await bobOnCarols.evaluate((video: HTMLVideoElement) => video.videoWidth), await carolOnBobs.evaluate((video: HTMLVideoElement) => video.videoWidth)], { timeout: 20_000 }).toEqual([320, 320]);
    await carol.page.waitForTimeout(2_000);
    const blurred = await measureVideo(bobOnCarols, [...person, ...background]);
    const plain = await measureVideo(carolOnBobs, [...person, ...background]);
    for (const region of background) {
      const drop = db(plain[region.name]!.highFrequency / blurred[region.name]!.highFrequency);
      console.log(`meeting effects: strong blur, ${region.name}: high-frequency energy ${plain[region.name]!.highFrequency.toFixed(1)} (no effect) vs ${blurred[region.name]!.highFrequency.toFixed(1)} (−${drop.toFixed(1)} dB)`);
      expect(drop).toBeGreaterThan(6);
    }
    // Noise suppression is on by default: Bob's speech arrives, the pink noise under it mostly does not.
    const bobId = await participantIdOf(carol.page, "Bob Builder");
    const suppressed = await remoteAudioStats(carol.page, bobId);
    expect(suppressed.peakDb).toBeGreaterThan(-30);

    // Mid-meeting, from the Devices dialog: the gradient replaces the background for Carol.
    await bob.page.getByRole("button", { name: "Devices" }).click();
    const dialog = bob.page.getByRole("dialog", { name: "Devices" });
    await backgroundChoice(dialog, "Gradient").click();
    await expect(backgroundChoice(dialog, "Gradient")).toHaveAttribute("aria-checked", "true");
    // Turned off, the same track carries the room's noise again.
    await dialog.getByRole("switch", { name: "Noise suppression" }).click();
    await carol.page.waitForTimeout(500);
    const unsuppressed = await remoteAudioStats(carol.page, bobId);
    console.log(`meeting effects: Bob's audio at Carol's, peak / noise floor: ${suppressed.peakDb.toFixed(1)} / ${suppressed.floorDb.toFixed(1)} dBFS suppressed, ${unsuppressed.peakDb.toFixed(1)} / ${unsuppressed.floorDb.toFixed(1)} dBFS off`);
    expect(unsuppressed.floorDb - suppressed.floorDb).toBeGreaterThan(10);
    await expect
      .poll(async () => Math.max(...Object.values(await measureVideo(bobOnCarols, background, "gradient")).map((metric) => metric.differenceToReference!)), { timeout: 20_000 })
      .toBeLessThan(15);
    // The modal dialog hides the page behind it from the accessibility tree (and getByRole).
    await bob.page.keyboard.press("Escape");
    const replaced = await measureVideo(bobOnCarols, person);
    const unprocessed = await measureVideo(carolOnBobs, person);
    for (const region of person) {
      const kept = replaced[region.name]!.meanLuma - unprocessed[region.name]!.meanLuma;
      console.log(`meeting effects: gradient, ${region.name}: mean luma ${replaced[region.name]!.meanLuma.toFixed(1)} vs ${unprocessed[region.name]!.meanLuma.toFixed(1)} unprocessed`);
      expect(Math.abs(kept)).toBeLessThan(20);
    }

    // Next visit: the lobby opens with the gradient chosen.
    await bob.page.getByRole("button", { name: "Leave" }).click();
    await bob.page.goto(`/rooms/${room.slug}?video=low`);
    await expect(backgroundChoice(bob.page, "Gradient")).toHaveAttribute("aria-checked", "true");
    await expect(bob.page.getByRole("switch", { name: "Noise suppression" })).toHaveAttribute("aria-checked", "false");
  } finally {
    await deleteRoom(bob.page.request, room);
    await Promise.all(people.map((someone) => someone.context.close()));
  }
});
