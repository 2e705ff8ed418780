/**
 * Click "Join meeting" → first remote video frame painted, for the second person joining a two-person call,
 * through the real product: built Next.js app, bundled IdP, PartyKit, Chromium with fake devices.
 *
 *   npx tsx bench/join-time/run.ts [--runs 10] [--app-url http://localhost:3000]
 *
 * Without --app-url it starts its own stack on the bench ports (lib/config/ports.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { benchPorts } from "../../lib/config/ports";
import { chromiumLaunchArgs } from "../../playwright.config";
import { loadDemoDirectory } from "../../scripts/dev-idp/directory";
import { freshSecrets } from "../../scripts/stack/secrets";
import { type RunningStack, startStack } from "../../scripts/stack/stack";
import { machineDescription, percentile } from "../support/machine";

const { values } = parseArgs({ options: { runs: { type: "string", default: "10" }, "app-url": { type: "string" } } });
const runs = Math.max(1, Number(values.runs));
const { password } = loadDemoDirectory();

async function signIn(context: BrowserContext, appUrl: string, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(appUrl);
  await page.getByRole("button", { name: /^Sign in with/ }).first().click();
  await page.getByRole("heading", { name: "Confer dev identity provider" }).waitFor();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByTestId("signed-in-user").waitFor();
  return page;
}

/**
 * Arms, inside the page, a stopwatch from the Join click to the first painted frame of `remoteName`'s camera.
 * Sent as source text: tsx would otherwise wrap the functions with a helper that does not exist in the page.
 */
async function armStopwatch(page: Page, remoteName: string) {
  await page.evaluate(`(() => {
    const marks = window;
    document.addEventListener("click", () => { marks.joinClickAt ??= performance.now(); }, { capture: true, once: true });
    const selector = 'figure[data-participant-name=${JSON.stringify(remoteName)}][data-tile="camera"] video';
    const watch = () => {
      const video = document.querySelector(selector);
      if (video) video.requestVideoFrameCallback(() => { marks.firstFrameAt = performance.now(); });
      else requestAnimationFrame(watch);
    };
    watch();
  })()`);
}

async function measureOnce(page: Page, roomUrl: string): Promise<number> {
  await page.goto(roomUrl);
  const join = page.getByRole("button", { name: "Join meeting" });
  await join.waitFor();
  // Media is acquired while the pre-join screen shows, so the stopwatch measures joining, not the camera.
  await page.locator('video[data-testid="prejoin-preview"]').waitFor();
  await armStopwatch(page, "Bob Builder");
  await join.click();
  const elapsed = await page.waitForFunction("window.firstFrameAt && window.joinClickAt ? window.firstFrameAt - window.joinClickAt : null", undefined, {
    timeout: 20_000,
  });
  const ms = (await elapsed.jsonValue()) as number;
  await page.getByRole("button", { name: "Leave" }).first().click();
  return ms;
}

let stack: RunningStack | undefined;
const dataDir = mkdtempSync(join(tmpdir(), "confer-bench-db-"));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumLaunchArgs });
try {
  let appUrl = values["app-url"];
  if (!appUrl) {
    stack = await startStack({
      mode: "test",
      ports: benchPorts,
      secrets: freshSecrets(),
      postgresDataDir: dataDir,
      turnRelayPorts: [49360, 49459],
      nextDistDir: ".next-bench",
      echo: false,
      seed: false,
      log: (message) => console.error(message),
    });
    appUrl = stack.urls.app;
  }
  const hostContext = await browser.newContext({ permissions: ["camera", "microphone"] });
  const joinerContext = await browser.newContext({ permissions: ["camera", "microphone"] });
  const host = await signIn(hostContext, appUrl, "bob");
  const joiner = await signIn(joinerContext, appUrl, "carol");

  const created = await host.request.post(new URL("/api/rooms", appUrl).toString(), { data: { name: `Join-time bench ${Date.now()}` } });
  const room = (await created.json()) as { id: string; slug: string };
  const roomUrl = new URL(`/rooms/${room.slug}`, appUrl).toString();
  await host.goto(roomUrl);
  await host.getByRole("button", { name: "Join meeting" }).click();
  await host.getByRole("button", { name: "Leave" }).first().waitFor();

  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const ms = await measureOnce(joiner, roomUrl);
    samples.push(ms);
    console.error(`run ${run + 1}: ${ms.toFixed(0)} ms`);
  }
  await host.request.delete(new URL(`/api/rooms/${room.id}`, appUrl).toString());

  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`join-time: Join click → first remote video frame, 2 participants, ${runs} runs`);
  console.log(`  p50 ${percentile(sorted, 50).toFixed(0)} ms · p95 ${percentile(sorted, 95).toFixed(0)} ms · min ${sorted[0]!.toFixed(0)} ms · max ${sorted.at(-1)!.toFixed(0)} ms`);
  console.log(`  machine: ${machineDescription()}`);
} finally {
  await browser.close();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
