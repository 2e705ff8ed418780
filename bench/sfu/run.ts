/**
 * Mesh vs Janus SFU, side by side in one run: N = 2, 4, 6 people (one headless Chromium context each, all on
 * this machine, 320×180 at 15 fps), the Nth joining last. For each: the late joiner's first frame of everyone
 * (slowest of them), the lowest received frame rate over the measurement window, and the CPU of the browsers
 * and of Janus over that window.
 *
 *   flock /tmp/confer-cpu.lock npx tsx bench/sfu/run.ts [--sizes 2,4,6] [--seconds 6]
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { type Browser, chromium, type Page } from "@playwright/test";
import { chromiumLaunchArgs } from "../../playwright.config";
import { destroySfuRoom, ensureSfuRoom } from "../../lib/sfu/sfu-rooms";
import { JANUS_BINARY, type RunningJanus, startJanus } from "../../tests/e2e/harness/janus";
import { bundleHarness, RtcRoom } from "../../tests/e2e/harness/rtc-room";
import { bundleSfuHarness, serveSfuHarness, SfuRoom } from "../../tests/e2e/harness/sfu-room";
import { machineDescription } from "../support/machine";
import { coresDuring, descendantTicks, TICKS_PER_SECOND } from "../support/process-cpu";

const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const sizes = (argument("--sizes") ?? "2,4,6").split(",").map(Number);
const seconds = Number(argument("--seconds") ?? 6);
const video = { width: 320, height: 180, frameRate: 15 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Result = { mode: "mesh" | "sfu"; size: number; lateFirstFrameMs: number | null; minFps: number; medianFps: number; browserCores: number; janusCores: number | null };

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(100);
  }
}

/** Frame counts of every received camera, per page, keyed "viewer→sender". */
type FrameCounter = () => Promise<Map<string, number>>;

async function frameRates(count: FrameCounter): Promise<number[]> {
  const before = await count();
  await sleep(seconds * 1000);
  const after = await count();
  return [...after].map(([key, frames]) => (frames - (before.get(key) ?? 0)) / seconds);
}

async function measure(mode: Result["mode"], size: number, count: FrameCounter, janusPid: number | null): Promise<Omit<Result, "lateFirstFrameMs">> {
  const browsers = () => descendantTicks(process.pid, janusPid ? [janusPid] : []);
  const janusTicks = janusPid ? () => descendantTicks(janusPid) : null;
  const janusBefore = janusTicks?.() ?? 0;
  const started = performance.now();
  const { result: fps, cores } = await coresDuring(browsers, () => frameRates(count));
  const janusCores = janusTicks ? (janusTicks() - janusBefore) / TICKS_PER_SECOND / ((performance.now() - started) / 1000) : null;
  const sorted = [...fps].sort((a, b) => a - b);
  return { mode, size, minFps: sorted[0] ?? 0, medianFps: sorted[Math.floor(sorted.length / 2)] ?? 0, browserCores: cores, janusCores };
}

async function meshCase(browser: Browser, bundle: string, size: number): Promise<Result> {
  const room = new RtcRoom(browser, bundle);
  try {
    const ids = Array.from({ length: size }, (_, index) => `m${index + 1}`);
    const pages: Page[] = [];
    for (const [index, id] of ids.entries()) {
      const participant = await room.join({ selfId: id, audio: true, video });
      pages.push(participant.page);
      // The newcomer calls everyone already there, as the app's mesh does.
      for (const earlier of ids.slice(0, index)) await participant.page.evaluate((peer) => window.harness.connect(peer), earlier);
    }
    const late = pages.at(-1)!;
    const snapshot = (page: Page) => page.evaluate(() => window.harness.snapshot().peers);
    const others = size - 1;
    const lateView = await until(() => snapshot(late), (peers) => Object.values(peers).filter((peer) => peer.connectToFirstFrameMs !== null).length === others, 60_000);
    const firstFrames = Object.values(lateView).map((peer) => peer.connectToFirstFrameMs);
    const count: FrameCounter = async () => {
      const counts = new Map<string, number>();
      for (const [index, page] of pages.entries()) for (const [peer, view] of Object.entries(await snapshot(page))) counts.set(`${ids[index]}→${peer}`, view.cameraFrames);
      return counts;
    };
    await sleep(2_000);
    const measured = await measure("mesh", size, count, null);
    return { ...measured, lateFirstFrameMs: firstFrames.includes(null) ? null : Math.max(...(firstFrames as number[])) };
  } finally {
    await room.close();
  }
}

async function sfuCase(browser: Browser, origin: string, janus: RunningJanus, size: number): Promise<Result> {
  const room = new SfuRoom(browser, origin, janus, `bench-${randomUUID()}`);
  await ensureSfuRoom(janus.url, room.room, janus.access);
  try {
    const ids = Array.from({ length: size }, (_, index) => `s${index + 1}`);
    const pages: Page[] = [];
    for (const id of ids) pages.push((await room.join(id, video)).page);
    const late = pages.at(-1)!;
    const remote = (page: Page) => page.evaluate(() => window.sfu.remoteVideos());
    const lateView = await until(() => remote(late), (videos) => Object.values(videos).filter((entry) => entry.firstFrameMs !== null).length === size - 1, 60_000);
    const firstFrames = Object.values(lateView).map((entry) => entry.firstFrameMs);
    const count: FrameCounter = async () => {
      const counts = new Map<string, number>();
      for (const [index, page] of pages.entries()) for (const [peer, view] of Object.entries(await remote(page))) counts.set(`${ids[index]}→${peer}`, view.frames);
      return counts;
    };
    await sleep(2_000);
    const measured = await measure("sfu", size, count, janus.pid);
    return { ...measured, lateFirstFrameMs: firstFrames.length < size - 1 || firstFrames.includes(null) ? null : Math.max(...(firstFrames as number[])) };
  } finally {
    await room.close();
    await destroySfuRoom(janus.url, room.room, janus.access);
  }
}

if (!existsSync(JANUS_BINARY)) {
  console.error("Janus is not installed (apt-get install janus).");
  process.exit(1);
}
console.log(`sfu bench: ${machineDescription()}, load average before ${loadavg().map((value) => value.toFixed(2)).join(" ")}, sizes ${sizes.join(", ")}, ${seconds} s per measurement`);
const janus = await startJanus(8618, [24000, 24999]);
const [meshBundle, harness] = await Promise.all([bundleHarness(), bundleSfuHarness().then(serveSfuHarness)]);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumLaunchArgs });
const results: Result[] = [];
try {
  for (const size of sizes) {
    results.push(await meshCase(browser, meshBundle, size));
    results.push(await sfuCase(browser, harness.origin, janus, size));
  }
} finally {
  await browser.close();
  await harness.close();
  await janus.stop();
}
const figure = (value: number | null, digits = 0) => (value === null ? "—" : value.toFixed(digits));
console.log("\n| people | path | late joiner's first frame (slowest) | min fps | median fps | browsers (cores) | Janus (cores) |");
console.log("|---|---|---|---|---|---|---|");
for (const result of results) {
  console.log(`| ${result.size} | ${result.mode} | ${figure(result.lateFirstFrameMs)} ms | ${figure(result.minFps, 1)} | ${figure(result.medianFps, 1)} | ${figure(result.browserCores, 2)} | ${figure(result.janusCores, 3)} |`);
}
console.log(`\nload average after ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
