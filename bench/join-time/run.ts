/**
 * Click "Join meeting" → first remote video frame painted, for the second person joining a two-person call,
 * through the real product: built Next.js app, bundled IdP, PartyKit, Chromium with fake devices.
 *
 *   flock /tmp/confer-stack.lock npx tsx bench/join-time/run.ts [--runs 10] [--app-url http://localhost:3000]
 *     [--lobby-ms 1500] [--verbose] [--trace trace.json] [--prefer-codec VP9]
 *
 * Without --app-url it starts its own stack on the bench ports (lib/config/ports.ts). Besides p50/p95 it prints the
 * median time after the click of every join-timeline mark (lib/meeting-client/state/join-timeline.ts) on both
 * pages, so the breakdown shows where the time goes. --verbose: first-frame resolution/codec and the timing of
 * every WebRTC call, per run; --trace: a Chrome trace of the last run; --prefer-codec: a codec-order what-if.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { chromiumLaunchArgs } from "../../playwright.config";
import { loadDemoDirectory } from "../../scripts/dev-idp/directory";
import type { RunningStack } from "../../scripts/stack/stack";
import { startBenchStack } from "../support/bench-stack";
import { machineDescription, percentile } from "../support/machine";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10" },
    "app-url": { type: "string" },
    "lobby-ms": { type: "string", default: "1500" },
    verbose: { type: "boolean", default: false },
    trace: { type: "string" },
    "prefer-codec": { type: "string" },
  },
});
const runs = Math.max(1, Number(values.runs));
/** How long the joiner stays in the lobby after its preview shows, before clicking Join. */
const lobbySettleMs = Math.max(0, Number(values["lobby-ms"]));
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

type Sample = { ms: number; steps: Record<string, number> };

/** The marks of lib/meeting-client/state/join-timeline.ts a page recorded at or after `since` (epoch ms), first of each name. */
async function readMarks(page: Page, since: number): Promise<Record<string, number>> {
  const entries = (await page.evaluate(
    `performance.getEntriesByType("mark").map((entry) => [entry.name, performance.timeOrigin + entry.startTime])`,
  )) as [string, number][];
  const first: Record<string, number> = {};
  for (const [name, at] of entries) if (name.startsWith("meeting:") && at >= since - 1 && !(name in first)) first[name] = at;
  return first;
}

/**
 * Bench-only probe, installed before the app's scripts: keeps every RTCPeerConnection the page makes and marks when
 * the first remote video packet arrives (a remote track unmutes on its first RTP packet), which splits "connected →
 * first frame" into the sender's part and the receiver's.
 */
const probeScript = `(() => {
  const Native = window.RTCPeerConnection;
  if (!Native) return;
  window.__benchConnections = [];
  // Start and end of every call that can sit on the critical path, as measures named after the call.
  window.__benchCalls = [];
  const timed = (proto, name) => {
    const original = proto[name];
    proto[name] = function (...args) {
      const started = performance.now();
      const detail = name === "setRemoteDescription" || name === "setLocalDescription" ? (args[0]?.type ?? "implicit") + "/" + (this.signalingState ?? "") : "";
      const result = original.apply(this, args);
      if (result && typeof result.then === "function") {
        result.then(() => window.__benchCalls.push([name + (detail ? " " + detail : ""), started, performance.now()]), () => {});
      } else window.__benchCalls.push([name, started, performance.now()]);
      return result;
    };
  };
  for (const name of ["createOffer", "createAnswer", "setLocalDescription", "setRemoteDescription", "addIceCandidate", "addTransceiver"]) timed(Native.prototype, name);
  if (window.RTCRtpSender) for (const name of ["replaceTrack", "setParameters"]) timed(RTCRtpSender.prototype, name);
  // --prefer-codec: what-if for the codec order (lib/rtc/codec-preferences.ts), applied under the app's own call.
  const preferred = ${JSON.stringify(values["prefer-codec"]?.toLowerCase() ?? null)};
  if (preferred) {
    const setCodecPreferences = RTCRtpTransceiver.prototype.setCodecPreferences;
    RTCRtpTransceiver.prototype.setCodecPreferences = function (codecs) {
      const first = (codec) => codec.mimeType.toLowerCase() === "video/" + preferred;
      return setCodecPreferences.call(this, [...codecs.filter(first), ...codecs.filter((codec) => !first(codec))]);
    };
  }
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      window.__benchConnections.push(this);
      this.addEventListener("icecandidate", ({ candidate }) => candidate && performance.mark("meeting:bench-local-candidate"));
      this.addEventListener("icegatheringstatechange", () => this.iceGatheringState === "gathering" && performance.mark("meeting:bench-gathering"));
      this.addEventListener("track", ({ track }) => {
        if (track.kind === "video") track.addEventListener("unmute", () => performance.mark("meeting:bench-remote-video-unmuted"), { once: true });
      });
    }
  };
})()`;

/** The camera's outbound (sender) and inbound (receiver) video stats of a page's open connections, for the report. */
async function videoStats(page: Page): Promise<string> {
  return (await page.evaluate(`(async () => {
    const lines = [];
    for (const connection of window.__benchConnections ?? []) {
      if (connection.connectionState !== "connected") continue;
      for (const stat of (await connection.getStats()).values()) {
        if (stat.kind !== "video" || !(stat.framesEncoded > 0 || stat.framesDecoded > 0)) continue;
        if (stat.type === "outbound-rtp") lines.push("out " + stat.frameWidth + "x" + stat.frameHeight + " enc=" + stat.encoderImplementation + " frames=" + stat.framesEncoded + " key=" + stat.keyFramesEncoded + " resChanges=" + stat.qualityLimitationResolutionChanges + " limit=" + stat.qualityLimitationReason);
        if (stat.type === "inbound-rtp") lines.push("in " + stat.frameWidth + "x" + stat.frameHeight + " dec=" + stat.decoderImplementation + " frames=" + stat.framesDecoded + " jb=" + (stat.jitterBufferDelay / Math.max(1, stat.jitterBufferEmittedCount) * 1000).toFixed(0) + "ms");
      }
    }
    return lines.join("; ");
  })()`)) as string;
}

/**
 * `--trace <file>`: records the joiner's renderer during the last run (Chrome trace, open in DevTools) and prints its
 * main thread's tasks of 4 ms or more between the click and the first frame, with what they mostly did.
 */
async function summarizeTrace(buffer: Buffer, ms: number) {
  writeFileSync(values.trace!, buffer);
  type TraceEvent = { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: Record<string, unknown> } };
  const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
  const main = traceEvents.find((event) => event.name === "thread_name" && event.args?.name === "CrRendererMain");
  const click = traceEvents.find((event) => event.name === "meeting:join-clicked" && event.pid === main?.pid);
  if (!main || !click) return console.error("  trace: no renderer main thread or click mark found");
  const onMain = traceEvents.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === "X" && event.dur !== undefined);
  const tasks = onMain.filter((event) => event.name === "RunTask" && event.ts >= click.ts - 1000 && event.ts <= click.ts + ms * 1000 && event.dur! >= 4000);
  console.error(`  trace (${values.trace}): main-thread tasks ≥ 4 ms, ms after the click:`);
  for (const task of tasks) {
    const inside = onMain.filter((event) => event !== task && event.ts >= task.ts && event.ts + event.dur! <= task.ts + task.dur!);
    const byName = new Map<string, number>();
    for (const event of inside) {
      const data = event.args?.data;
      const label = event.name === "FunctionCall" || event.name === "EventDispatch" ? `${event.name}(${String(data?.functionName ?? data?.type ?? "")})` : event.name;
      if (["FunctionCall", "EventDispatch", "Layout", "UpdateLayoutTree", "Paint", "PrePaint", "Layerize", "TimerFire", "FireAnimationFrame", "ParseHTML", "HitTest", "v8.run", "CommitLoad"].some((name) => label.startsWith(name)))
        byName.set(label, (byName.get(label) ?? 0) + event.dur!);
    }
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([label, dur]) => `${label} ${(dur / 1000).toFixed(1)}`);
    console.error(`    ${((task.ts - click.ts) / 1000).toFixed(0).padStart(4)} +${(task.dur! / 1000).toFixed(1).padStart(5)} ms  ${top.join(", ")}`);
  }
}

async function measureOnce(page: Page, host: Page, roomUrl: string, tracing = false): Promise<Sample> {
  await page.goto(roomUrl);
  const join = page.getByRole("button", { name: "Join meeting" });
  await join.waitFor();
  // Media is acquired while the pre-join screen shows, so the stopwatch measures joining, not the camera.
  await page.locator('video[data-testid="prejoin-preview"]').waitFor();
  // The lobby's own work (grant, WebRTC warm-up, socket) finishes while a person looks at their preview.
  await page.waitForTimeout(lobbySettleMs);
  await host.evaluate(`performance.clearMarks()`);
  await armStopwatch(page, "Bob Builder");
  if (tracing) await browser.startTracing(page, { categories: ["devtools.timeline", "blink.user_timing", "v8.execute"] });
  await join.click();
  const elapsed = await page.waitForFunction("window.firstFrameAt && window.joinClickAt ? window.firstFrameAt - window.joinClickAt : null", undefined, {
    timeout: 20_000,
  });
  const ms = (await elapsed.jsonValue()) as number;
  if (tracing) await summarizeTrace(await browser.stopTracing(), ms);
  const origin = (await page.evaluate("performance.timeOrigin")) as number;
  const clickAt = origin + ((await page.evaluate("window.joinClickAt")) as number);
  const joinerMarks = await readMarks(page, clickAt);
  const hostMarks = await readMarks(host, clickAt);
  const steps: Record<string, number> = {};
  for (const [name, at] of Object.entries(joinerMarks)) steps[`joiner ${name.slice("meeting:".length)}`] = at - clickAt;
  for (const [name, at] of Object.entries(hostMarks)) steps[`host   ${name.slice("meeting:".length)}`] = at - clickAt;
  steps["joiner first frame (rVFC)"] = ms;
  if (values.verbose) {
    console.error(`  joiner: ${await videoStats(page)}\n  host:   ${await videoStats(host)}`);
    for (const [who, target] of [["joiner", page], ["host", host]] as const) {
      const calls = (await target.evaluate(`(window.__benchCalls ?? []).map(([name, start, end]) => [name, performance.timeOrigin + start, performance.timeOrigin + end])`)) as [string, number, number][];
      const relevant = calls.filter(([, start]) => start >= clickAt - 1 && start - clickAt < ms);
      console.error(`  ${who} calls: ${relevant.map(([name, start, end]) => `${name} ${(start - clickAt).toFixed(0)}→${(end - clickAt).toFixed(0)}`).join(", ")}`);
    }
    await host.evaluate("window.__benchCalls = []");
  }
  await page.getByRole("button", { name: "Leave" }).first().click();
  return { ms, steps };
}

/** Median time after the click of each step, in the order they happen. */
function printBreakdown(samples: Sample[]) {
  const names = new Set(samples.flatMap((sample) => Object.keys(sample.steps)));
  const rows = [...names].map((name) => {
    const values = samples.flatMap((sample) => (name in sample.steps ? [sample.steps[name]!] : [])).sort((a, b) => a - b);
    return { name, p50: percentile(values, 50), count: values.length };
  });
  rows.sort((a, b) => a.p50 - b.p50);
  console.log("  breakdown (median ms after the click; each step's own median, so the gaps are indicative):");
  let previous = 0;
  for (const row of rows) {
    const gap = row.p50 - previous;
    previous = row.p50;
    console.log(`    ${row.p50.toFixed(0).padStart(5)}  (+${gap.toFixed(0).padStart(3)})  ${row.name}${row.count < samples.length ? ` [${row.count}/${samples.length} runs]` : ""}`);
  }
}

let stack: RunningStack | undefined;
const dataDir = mkdtempSync(join(tmpdir(), "confer-bench-db-"));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumLaunchArgs });
try {
  let appUrl = values["app-url"];
  if (!appUrl) {
    stack = await startBenchStack(dataDir, ".next-bench");
    appUrl = stack.urls.app;
  }
  const hostContext = await browser.newContext({ permissions: ["camera", "microphone"] });
  const joinerContext = await browser.newContext({ permissions: ["camera", "microphone"] });
  await hostContext.addInitScript(probeScript);
  await joinerContext.addInitScript(probeScript);
  const host = await signIn(hostContext, appUrl, "bob");
  const joiner = await signIn(joinerContext, appUrl, "carol");

  const created = await host.request.post(new URL("/api/rooms", appUrl).toString(), { data: { name: `Join-time bench ${Date.now()}` } });
  const room = (await created.json()) as { id: string; slug: string };
  const roomUrl = new URL(`/rooms/${room.slug}`, appUrl).toString();
  await host.goto(roomUrl);
  await host.getByRole("button", { name: "Join meeting" }).click();
  await host.getByRole("button", { name: "Leave" }).first().waitFor();

  const samples: Sample[] = [];
  for (let run = 0; run < runs; run += 1) {
    const sample = await measureOnce(joiner, host, roomUrl, values.trace !== undefined && run === runs - 1);
    samples.push(sample);
    console.error(`run ${run + 1}: ${sample.ms.toFixed(0)} ms`);
  }
  await host.request.delete(new URL(`/api/rooms/${room.id}`, appUrl).toString());

  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  console.log(`join-time: Join click → first remote video frame, 2 participants, ${runs} runs`);
  console.log(`  p50 ${percentile(sorted, 50).toFixed(0)} ms · p95 ${percentile(sorted, 95).toFixed(0)} ms · min ${sorted[0]!.toFixed(0)} ms · max ${sorted.at(-1)!.toFixed(0)} ms`);
  printBreakdown(samples);
  console.log(`  machine: ${machineDescription()}`);
} finally {
  await browser.close();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
