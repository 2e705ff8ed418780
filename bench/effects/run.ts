/**
 * Media effects cost in headless Chromium, per effect at 640×360 and 1280×720 (30 fps fake camera): the
 * pipeline's output fps, the CPU of all of Chromium's processes (cores, from /proc, minus the same page with the
 * camera alone), and the time the effects add to each frame (arrival in the worker → processed frame handed on).
 * Noise suppression: CPU of the microphone through RNNoise minus the microphone alone.
 *
 *   flock /tmp/confer-cpu.lock npx tsx bench/effects/run.ts [--seconds 8] [--only video|audio]
 */
import { loadavg } from "node:os";
import { chromium } from "@playwright/test";
import { chromiumLaunchArgs } from "../../playwright.config";
import type { VideoEffectSettings } from "../../lib/media/effects/effect-settings";
import { bundleEffects, EffectsRoom } from "../../tests/e2e/harness/effects-room";
import { buildMediaFixtures, fixturesMissingReason } from "../../tests/e2e/support/media-fixtures";
import { machineDescription } from "../support/machine";
import { descendantTicks, TICKS_PER_SECOND } from "../support/process-cpu";

const seconds = Number(process.argv[process.argv.indexOf("--seconds") + 1]) || 8;
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;

type Case = { name: string; settings: VideoEffectSettings | null; dark?: boolean; noiseSuppression?: boolean };
const none: VideoEffectSettings = { background: { kind: "none" }, lowLight: false };
const videoCases: Case[] = [
  { name: "camera only (baseline)", settings: null },
  { name: "blur light", settings: { ...none, background: { kind: "blur", strength: "light" } } },
  { name: "blur strong", settings: { ...none, background: { kind: "blur", strength: "strong" } } },
  { name: "replacement (office)", settings: { ...none, background: { kind: "image", imageId: "office" } } },
  { name: "low light, dark input", settings: { ...none, lowLight: true }, dark: true },
];

const missing = fixturesMissingReason();
if (missing) throw new Error(missing);
const fixtures = buildMediaFixtures();
const bundles = await bundleEffects();
console.log(`effects bench: ${machineDescription()}, load average before ${loadavg().map((value) => value.toFixed(2)).join(" ")}, ${seconds} s per case`);

async function measureCase(size: { width: number; height: number }, test: Case): Promise<string> {
  const hd = size.width === 1280;
  const video = test.dark ? (hd ? fixtures.darkCameraHd : fixtures.darkCamera) : hd ? fixtures.cameraHd : fixtures.camera;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...chromiumLaunchArgs, "--enable-unsafe-swiftshader", `--use-file-for-fake-video-capture=${video}`, `--use-file-for-fake-audio-capture=${fixtures.noisyMic}`],
  });
  const room = new EffectsRoom(bundles);
  try {
    const audioOnly = test.noiseSuppression !== undefined;
    const { page } = await room.join(browser, {
      selfId: "sender",
      video: audioOnly ? false : { ...size, frameRate: 30 },
      noiseSuppression: audioOnly ? test.noiseSuppression! : null,
    });
    if (test.settings) await page.evaluate((settings) => window.effects.setEffects(settings), test.settings);
    await page.waitForTimeout(3_000);
    await page.evaluate(() => window.effects.processorStats());
    const [ticksBefore, startedAt] = [descendantTicks(), performance.now()];
    const samples: NonNullable<Awaited<ReturnType<typeof window.effects.processorStats>>>[] = [];
    for (let second = 0; second < seconds; second += 1) {
      await page.waitForTimeout(1_000);
      const stats = await page.evaluate(() => window.effects.processorStats());
      if (stats) samples.push(stats);
    }
    const cores = (descendantTicks() - ticksBefore) / TICKS_PER_SECOND / ((performance.now() - startedAt) / 1000);
    const mean = (pick: (stats: (typeof samples)[number]) => number) => samples.reduce((sum, stats) => sum + pick(stats), 0) / Math.max(1, samples.length);
    const figures = samples.length
      ? `${mean((stats) => stats.fps).toFixed(1)} fps, model ${mean((stats) => stats.modelFps).toFixed(1)}/s, added ${mean((stats) => stats.processingMs.mean).toFixed(1)} ms mean / ${mean((stats) => stats.processingMs.p95).toFixed(1)} ms p95 ` +
        `(upload ${mean((stats) => stats.stagesMs.upload).toFixed(1)}, model ${mean((stats) => stats.stagesMs.model).toFixed(1)}, composite ${mean((stats) => stats.stagesMs.composite).toFixed(1)})`
      : "no pipeline";
    return `${cores.toFixed(2)} cores | ${figures}`;
  } finally {
    await room.close();
    await browser.close();
  }
}

for (const size of only === "audio" ? [] : [{ width: 640, height: 360 }, { width: 1280, height: 720 }]) {
  for (const test of videoCases) console.log(`${size.width}×${size.height} ${test.name}: ${await measureCase(size, test)}`);
}
for (const noiseSuppression of only === "video" ? [] : [false, true]) {
  const name = noiseSuppression ? "microphone + RNNoise" : "microphone, RNNoise bypassed (baseline)";
  console.log(`audio ${name}: ${await measureCase({ width: 640, height: 360 }, { name, settings: null, noiseSuppression })}`);
}
console.log(`load average after ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
