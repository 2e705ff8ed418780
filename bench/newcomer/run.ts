/**
 * A newcomer's first minute: fresh clone → `npm install` (cold npm cache) → `npm run dev` → signed in through the
 * bundled IdP, each step timed, as the README promises it (≤ 60 s in all).
 *
 *   npx tsx bench/newcomer/run.ts [--repo .] [--warm-cache] [--keep]
 *
 * Clones the committed HEAD of --repo into a temp folder, installs with an empty npm cache of its own (unless
 * --warm-cache), starts the dev stack on the dev ports (stop any `npm run dev` first) and signs in as alice in
 * Debian's Chromium, the way a person does. Prints each step, the total and the load average.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { devPorts } from "../../lib/config/ports";
import { chromiumLaunchArgs } from "../../playwright.config";
import { machineDescription } from "../support/machine";

const { values } = parseArgs({
  options: { repo: { type: "string", default: "." }, "warm-cache": { type: "boolean", default: false }, keep: { type: "boolean", default: false } },
});
const folder = mkdtempSync(join(tmpdir(), "confer-newcomer-"));
const clone = join(folder, "confer");
const env = { ...process.env, ...(values["warm-cache"] ? {} : { npm_config_cache: join(folder, "npm-cache") }) };
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");

function timedSync(command: string, args: string[]): number {
  const started = performance.now();
  execFileSync(command, args, { cwd: clone, env, stdio: ["ignore", "ignore", "inherit"] });
  return performance.now() - started;
}

/** Starts `npm run dev` and resolves once it prints that Confer is running. */
function startDev(): Promise<{ child: ChildProcess; ms: number }> {
  const started = performance.now();
  const child = spawn("npm", ["run", "dev"], { cwd: clone, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolvePromise, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      if (output.includes("Confer is running")) return;
      output += chunk.toString();
      const running = /Confer is running \(([^)]*)\)/.exec(output);
      if (running) {
        console.log(`  dev stack: ${running[1]}; ${/Stack ready: .*|$/.exec(output)?.[0] ?? ""}`);
        resolvePromise({ child, ms: performance.now() - started });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`npm run dev exited with ${code}:\n${output.slice(-3000)}`)));
  });
}

async function signInMs(appUrl: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumLaunchArgs });
  try {
    const page = await (await browser.newContext()).newPage();
    const started = performance.now();
    await page.goto(appUrl);
    await page.getByRole("button", { name: /^Sign in with/ }).first().click();
    // The app's sign-in page has a Username field of its own (LDAP): wait for the IdP's page.
    await page.getByRole("heading", { name: "Confer dev identity provider" }).waitFor({ timeout: 120_000 });
    await page.getByLabel("Username").fill("alice");
    await page.getByLabel("Password").fill("confer-demo");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    try {
      await page.getByTestId("signed-in-user").waitFor({ timeout: 120_000 });
    } catch (error) {
      await page.screenshot({ path: join(tmpdir(), "confer-newcomer-failure.png") });
      throw new Error(`not signed in; the page is at ${page.url()} (screenshot in ${tmpdir()}/confer-newcomer-failure.png)`, { cause: error });
    }
    return performance.now() - started;
  } finally {
    await browser.close();
  }
}

console.log(`newcomer bench on ${machineDescription()}; load average at start ${load()}`);
execFileSync("git", ["clone", "--quiet", resolve(values.repo), clone]);
const installMs = timedSync("npm", ["install", "--no-audit", "--no-fund"]);
console.log(`npm install${values["warm-cache"] ? " (warm cache)" : " (cold cache)"}: ${seconds(installMs)}; load ${load()}`);
const dev = await startDev();
console.log(`npm run dev → "Confer is running": ${seconds(dev.ms)}; load ${load()}`);
try {
  const signIn = await signInMs(`http://localhost:${devPorts.app}`);
  console.log(`first sign-in, open / → dashboard: ${seconds(signIn)}; load ${load()}`);
  console.log(`total: ${seconds(installMs + dev.ms + signIn)} (goal ≤ 60 s)`);
} finally {
  process.kill(-dev.child.pid!, "SIGINT");
  await new Promise((resolvePromise) => dev.child.once("exit", resolvePromise));
  if (!values.keep) rmSync(folder, { recursive: true, force: true });
}
