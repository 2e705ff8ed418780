/**
 * What recording costs the recorder: the same mesh call (N = 2 and 4 people, one headless Chromium context each,
 * 320×180 at 15 fps) measured without and then with the recorder's browser composing 1280×720 at 20 fps (RECORDING_FORMATS.hd), encoding
 * VP8/Opus with MediaRecorder and uploading over tus (@tus/server + FileStore in this process, as the app runs
 * it). Side by side in one run: the recorder's received frame rate (lowest over its peers), the CPU of all the
 * browsers, and for the upload the bytes received in PATCH bodies against the stored file's size and the time
 * from stop to the last byte confirmed.
 *
 *   flock /tmp/confer-cpu.lock npx tsx bench/recording/run.ts [--sizes 2,4] [--seconds 8]
 */
import { createServer } from "node:http";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { chromium, type Page } from "@playwright/test";
import { FileStore } from "@tus/file-store";
import { Server } from "@tus/server";
import { chromiumLaunchArgs } from "../../playwright.config";
import { RECORDING_UPLOAD_METADATA, RECORDING_UPLOAD_PATH } from "../../lib/recording/upload-protocol";
import { bundleForBrowser } from "../../tests/e2e/support/browser-bundle";
import { HARNESS_PAGE, RtcRoom } from "../../tests/e2e/harness/rtc-room";
import { machineDescription } from "../support/machine";
import { coresDuring, descendantTicks } from "../support/process-cpu";

const argument = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const sizes = (argument("--sizes") ?? "2,4").split(",").map(Number);
const seconds = Number(argument("--seconds") ?? 8);
const video = { width: 320, height: 180, frameRate: 15 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");

const directory = mkdtempSync(join(tmpdir(), "confer-recording-bench-"));
let patchBytes = 0;
const tus = new Server({
  path: RECORDING_UPLOAD_PATH,
  datastore: new FileStore({ directory }),
  namingFunction: (_request, metadata) => metadata?.[RECORDING_UPLOAD_METADATA.recordingId] ?? randomUUID(),
  relativeLocation: true,
});
const bundle = await bundleForBrowser(new URL("./recording-harness.ts", import.meta.url));
// The harness page and the upload endpoint share one origin, as the app's pages and its tus endpoint do.
const http = createServer((request, response) => {
  if (request.url === "/" || request.url === "/harness.js") {
    response.writeHead(200, { "content-type": request.url === "/" ? "text/html" : "text/javascript" });
    response.end(request.url === "/" ? HARNESS_PAGE : bundle);
    return;
  }
  if (request.method === "PATCH") patchBytes += Number(request.headers["content-length"] ?? 0);
  void tus.handle(request, response);
});
await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

type Measured = { minFps: number; cores: number };
type Result = { size: number; without: Measured; with: Measured; fileBytes: number; patchBytes: number; stopToUploadedMs: number; recordedBytes: number };

async function receivedFps(page: Page): Promise<number> {
  const frames = () => page.evaluate(() => Object.values(window.harness.snapshot().peers).map((peer) => peer.cameraFrames));
  const before = await frames();
  await sleep(seconds * 1000);
  const after = await frames();
  return Math.min(...after.map((count, index) => (count - (before[index] ?? 0)) / seconds));
}

const measure = async (recorder: Page): Promise<Measured> => {
  const { result, cores } = await coresDuring(() => descendantTicks(), () => receivedFps(recorder));
  return { minFps: result, cores };
};

async function run(size: number): Promise<Result> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumLaunchArgs });
  const room = new RtcRoom(browser, bundle, origin);
  const pages: Page[] = [];
  try {
    const ids = Array.from({ length: size }, (_, index) => `r${index + 1}`);
    for (const [index, id] of ids.entries()) {
      const participant = await room.join({ selfId: id, audio: true, video });
      pages.push(participant.page);
      for (const earlier of ids.slice(0, index)) await participant.page.evaluate((peer) => window.harness.connect(peer), earlier);
    }
    const recorder = pages[0]!;
    recorder.on("crash", () => console.warn("the recorder's page crashed"));
    recorder.on("console", (message) => console.warn(`recorder console: ${message.text()}`));
    for (;;) {
      const peers = await recorder.evaluate(() => Object.values(window.harness.snapshot().peers));
      if (peers.length === size - 1 && peers.every((peer) => peer.cameraFrames > 30)) break;
      await sleep(200);
    }
    console.log(`${size} people: connected; measuring without recording`);
    const without = await measure(recorder);
    const recordingId = randomUUID();
    patchBytes = 0;
    await recorder.evaluate((id) => window.recordingBench.start(id), recordingId);
    await sleep(2_000);
    console.log(`${size} people: recording; measuring`);
    const withRecording = await measure(recorder);
    console.log(`${size} people: stopping`);
    const stopped = await recorder.evaluate(() => window.recordingBench.stop());
    if (stopped.snapshot.status !== "uploaded") throw new Error(`recording ended ${stopped.snapshot.status}: ${stopped.snapshot.error}`);
    return {
      size,
      without,
      with: withRecording,
      fileBytes: statSync(join(directory, recordingId)).size,
      patchBytes,
      stopToUploadedMs: stopped.stopToUploadedMs,
      recordedBytes: stopped.snapshot.recordedBytes,
    };
  } finally {
    await room.close().catch(() => undefined);
    await browser.close();
  }
}

console.log(`recording bench: ${machineDescription()}, load average before ${load()}, sizes ${sizes.join(", ")}, ${seconds} s per measurement`);
const results: Result[] = [];
try {
  for (const size of sizes) results.push(await run(size));
} finally {
  http.close();
  rmSync(directory, { recursive: true, force: true });
}
console.log("\n| people | recorder's min received fps: without → with | browsers' CPU (cores): without → with | recorded | PATCH bodies | stored | stop → uploaded |");
console.log("|---|---|---|---|---|---|---|");
for (const result of results) {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  console.log(
    `| ${result.size} | ${result.without.minFps.toFixed(1)} → ${result.with.minFps.toFixed(1)} | ${result.without.cores.toFixed(2)} → ${result.with.cores.toFixed(2)} | ${kib(result.recordedBytes)} | ${kib(result.patchBytes)} | ${kib(result.fileBytes)} | ${result.stopToUploadedMs.toFixed(0)} ms |`,
  );
}
console.log(`\nload average after ${load()}`);
